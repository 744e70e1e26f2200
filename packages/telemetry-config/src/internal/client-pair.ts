import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type * as Tls from 'node:tls';

// `node:tls` is about 4 ms of a cold `require`, and only a configured client key and
// certificate need it here: required on that first check, not when the package loads.
const requireFromHere = createRequire(__filename);

/**
 * Why the client key and certificate files cannot make a TLS client identity (not PEM, a key
 * of another certificate, an encrypted key), or `undefined` when they can. gRPC builds this
 * context when the exporter is created, so a bad pair would throw then. Nothing is kept.
 */
export function clientPairProblem(keyFile: string, certificateFile: string): string | undefined {
  try {
    const { createSecureContext } = requireFromHere('node:tls') as typeof Tls;
    createSecureContext({
      key: readFileSync(resolve(keyFile)),
      cert: readFileSync(resolve(certificateFile)),
    });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
