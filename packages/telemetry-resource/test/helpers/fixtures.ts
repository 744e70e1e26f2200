import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Absolute path of a file under test/fixtures. */
export function fixture(name: string): string {
  return join(__dirname, '..', 'fixtures', name);
}

/** Container ids written in the fixture files (see test/fixtures/README.md). */
export const FIXTURE_IDS = {
  dockerV1: '3a4f6c1b8e2d9f07a5c3b1e0d4f6a8c2b9e7d5f3a1c0e8b6d4f2a0c9e7b5d3f1',
  crioV1: '9c2e4a6b8d0f1e3c5a7b9d1f3e5c7a9b0d2f4e6c8a0b2d4f6e8c0a2b4d6f8e0a',
  dockerV2: 'd5f1a3c7e9b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4',
  podmanV2: '7e1c3a5b9d2f4e6a8c0b1d3f5e7a9c2b4d6f8e0a1c3b5d7f9e2a4c6b8d0f1e3a',
} as const;

/** Maps `os.arch()` to the `host.arch` semantic-convention value. */
export function semconvArch(nodeArch: string): string {
  const map: Record<string, string> = { x64: 'amd64', arm: 'arm32', ppc: 'ppc32' };
  return map[nodeArch] ?? nodeArch;
}

/** This machine's id as the SDK's Linux reader returns it: the first machine-id file, trimmed. */
export function readMachineId(): string | undefined {
  for (const path of ['/etc/machine-id', '/var/lib/dbus/machine-id']) {
    try {
      return readFileSync(path, 'utf8').trim();
    } catch {
      // try the next one
    }
  }
  return undefined;
}
