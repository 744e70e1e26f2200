import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createSecureContext } from 'node:tls';

/**
 * Why the client key and certificate files cannot make a TLS client identity (not PEM, a key
 * of another certificate, an encrypted key), or `undefined` when they can. gRPC builds this
 * context when the exporter is created, so a bad pair would throw then. Nothing is kept.
 */
export function clientPairProblem(keyFile: string, certificateFile: string): string | undefined {
  try {
    createSecureContext({
      key: readFileSync(resolve(keyFile)),
      cert: readFileSync(resolve(certificateFile)),
    });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
