import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary folder with stand-in PEM files `ca.pem`, `key.pem`, `cert.pem` (contents CA, KEY, CERT). */
export interface TempTlsFiles {
  dir: string;
  path(name: string): string;
  remove(): Promise<void>;
}

export async function createTempTlsFiles(): Promise<TempTlsFiles> {
  const dir = await mkdtemp(join(tmpdir(), 'telemetry-otlp-tls-'));
  await writeFile(join(dir, 'ca.pem'), 'CA');
  await writeFile(join(dir, 'key.pem'), 'KEY');
  await writeFile(join(dir, 'cert.pem'), 'CERT');
  return {
    dir,
    path: (name) => join(dir, name),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
