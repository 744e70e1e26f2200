import { readFileSync } from 'node:fs';
import type { TlsConfig } from '@proc/telemetry-config';
import { logger } from './diag.js';

/** PEM contents of the configured TLS files; a file that cannot be read is left out. */
export interface TlsMaterial {
  ca?: Buffer;
  key?: Buffer;
  cert?: Buffer;
}

function read(path: string | undefined, what: string): Buffer | undefined {
  if (path === undefined || path === '') {
    return undefined;
  }
  try {
    return readFileSync(path);
  } catch (error) {
    // A telemetry setting must not stop the application: the export will fail and say so.
    logger.error(`cannot read the ${what} file ${path}; exporting without it`, error);
    return undefined;
  }
}

/** Reads the CA certificate, client key and client certificate named in `tls`. */
export function readTlsMaterial(tls: TlsConfig): TlsMaterial {
  const material: TlsMaterial = {};
  const ca = read(tls.certificateFile, 'CA certificate');
  const key = read(tls.clientKeyFile, 'client key');
  const cert = read(tls.clientCertificateFile, 'client certificate');
  if (ca !== undefined) material.ca = ca;
  if (key !== undefined) material.key = key;
  if (cert !== undefined) material.cert = cert;
  return material;
}
