import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TlsConfig } from '@proc/telemetry-config';

/** PEM contents of the TLS files named in the config. */
export interface TlsMaterial {
  ca?: Buffer;
  key?: Buffer;
  cert?: Buffer;
}

function readPem(path: string | undefined, option: string): Buffer | undefined {
  if (path === undefined || path === '') return undefined;
  try {
    return readFileSync(resolve(path));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${option}: cannot read PEM file ${path} (${reason})`);
  }
}

/**
 * Reads the CA, client key and client certificate files (paths relative to the working
 * directory), once, at provider start.
 * @throws Error naming the option and the path when a file cannot be read.
 */
export function readTlsFiles(tls: TlsConfig): TlsMaterial {
  const material: TlsMaterial = {};
  const ca = readPem(tls.certificateFile, 'traces.export.tls.certificateFile');
  const key = readPem(tls.clientKeyFile, 'traces.export.tls.clientKeyFile');
  const cert = readPem(tls.clientCertificateFile, 'traces.export.tls.clientCertificateFile');
  if (ca) material.ca = ca;
  if (key) material.key = key;
  if (cert) material.cert = cert;
  return material;
}

/** Whether any TLS file was given. */
export function hasTlsMaterial(material: TlsMaterial): boolean {
  return material.ca !== undefined || material.key !== undefined || material.cert !== undefined;
}
