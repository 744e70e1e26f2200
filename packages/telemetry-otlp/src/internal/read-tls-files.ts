import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TlsConfig } from '@proc/telemetry-config';
import type { TlsMaterial } from './transport-types.js';

function readPem(path: string | undefined, option: string): Buffer | undefined {
  if (path === undefined || path === '') return undefined;
  try {
    return readFileSync(resolve(path));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`@proc/telemetry-otlp: ${option}: cannot read PEM file ${path} (${reason})`);
  }
}

/**
 * Reads the CA certificate, client key and client certificate files named in `tls` (paths
 * relative to the working directory), once, when a provider starts: a file named in code or
 * configuration that cannot be read is a bad option, so it throws rather than exporting without it.
 * `loadConfig()` and `validateTraceConfig()` / `validateMetricsConfig()` check the same first
 * (an environment variable naming an unusable file is reported and ignored there), so a
 * validated section only throws here if a file went away since.
 * @param optionPath where `tls` sits in the configuration, e.g. `traces.export.tls`; errors name
 *   the option below it.
 * @throws Error naming the option and the path when a file cannot be read, and naming both options
 *   when only one of the client key and client certificate is set (mutual TLS needs both).
 */
export function readTlsFiles(tls: TlsConfig, optionPath: string): TlsMaterial {
  const material: TlsMaterial = {};
  const ca = readPem(tls.certificateFile, `${optionPath}.certificateFile`);
  const key = readPem(tls.clientKeyFile, `${optionPath}.clientKeyFile`);
  const cert = readPem(tls.clientCertificateFile, `${optionPath}.clientCertificateFile`);
  if ((key === undefined) !== (cert === undefined)) {
    const [given, missing] =
      key === undefined
        ? ['clientCertificateFile', 'clientKeyFile']
        : ['clientKeyFile', 'clientCertificateFile'];
    throw new Error(
      `@proc/telemetry-otlp: ${optionPath}.${given} is set but ${optionPath}.${missing} is not: mutual TLS needs both`,
    );
  }
  if (ca) material.ca = ca;
  if (key) material.key = key;
  if (cert) material.cert = cert;
  return material;
}

/** Whether `material` holds any TLS file. */
export function hasTlsMaterial(material: TlsMaterial): boolean {
  return material.ca !== undefined || material.key !== undefined || material.cert !== undefined;
}
