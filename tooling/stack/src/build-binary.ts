import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { StackError } from './stack-error.js';

/** A program built from a pinned Go module under infra/. */
export interface GoBinary {
  /** File name under .stack/bin. */
  name: string;
  /** The module: go.mod and go.sum pin every dependency. */
  moduleDir: string;
  /** What `go build` builds: `.` for the module's own main package, or a tool's import path. */
  target: string;
}

/**
 * What the binary is built from: go.mod, go.sum, the module's .go files and the target. The
 * same fingerprint means the cached binary is the one a build would make (the Go version is
 * left out, so a cached stack starts on a machine without Go).
 */
export function buildFingerprint(binary: GoBinary): string {
  const hash = createHash('sha256');
  hash.update(`${binary.target}\n`);
  const files = readdirSync(binary.moduleDir)
    .filter((f) => f === 'go.mod' || f === 'go.sum' || f.endsWith('.go'))
    .sort();
  for (const file of files) {
    hash.update(`${file}\n`);
    hash.update(readFileSync(path.join(binary.moduleDir, file)));
  }
  return hash.digest('hex');
}

/** The binary's path and the file that records the fingerprint it was built from. */
export function binaryPaths(binDir: string, binary: GoBinary) {
  const file = path.join(binDir, binary.name);
  return { file, fingerprintFile: `${file}.fingerprint` };
}

/** True when .stack/bin holds the binary built from exactly these inputs. */
export function isBuilt(binDir: string, binary: GoBinary): boolean {
  const { file, fingerprintFile } = binaryPaths(binDir, binary);
  return (
    existsSync(file) &&
    existsSync(fingerprintFile) &&
    readFileSync(fingerprintFile, 'utf8').trim() === buildFingerprint(binary)
  );
}

/**
 * Builds the binary into .stack/bin unless the cached one matches its inputs. `-mod=readonly`:
 * the committed go.sum must already pin everything, so every machine builds the same thing.
 * The compiler's output goes to `logFile`; on failure the error names it.
 */
export async function buildBinary(
  binary: GoBinary,
  options: { binDir: string; logFile: string; env?: NodeJS.ProcessEnv },
): Promise<'cached' | 'built'> {
  const { binDir, logFile } = options;
  if (isBuilt(binDir, binary)) return 'cached';
  const { file, fingerprintFile } = binaryPaths(binDir, binary);
  mkdirSync(binDir, { recursive: true });
  mkdirSync(path.dirname(logFile), { recursive: true });
  // Built next to its final name and renamed, so an interrupted build leaves no half binary.
  const partial = `${file}.partial`;
  const log = openSync(logFile, 'w');
  const args = [
    'build',
    '-trimpath',
    '-buildvcs=false',
    '-mod=readonly',
    '-o',
    partial,
    binary.target,
  ];
  try {
    const status = await new Promise<number | null>((resolve, reject) => {
      const child = spawn('go', args, {
        cwd: binary.moduleDir,
        env: options.env ?? process.env,
        stdio: ['ignore', log, log],
      });
      child.on('error', reject);
      child.on('exit', (code) => resolve(code));
    });
    if (status !== 0) {
      throw new StackError(
        `building ${binary.name} failed (go ${args.join(' ')} in ${binary.moduleDir}, exit ` +
          `${status}); the compiler's output is in ${logFile}.`,
      );
    }
  } finally {
    closeSync(log);
  }
  renameSync(partial, file);
  writeFileSync(fingerprintFile, `${buildFingerprint(binary)}\n`);
  return 'built';
}
