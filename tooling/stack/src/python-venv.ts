import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { findProgram } from './find-program.js';
import { StackError } from './stack-error.js';

/** The oldest Python the pinned OpenTelemetry Python SDK (1.45) supports. */
export const MIN_PYTHON: readonly [number, number] = [3, 9];

/** The Python the relay's virtual environment is made with. */
export interface PythonRuntime {
  command: string;
  /** `3.11.7`. */
  version: string;
}

/** Where the relay's environment is. */
export interface VenvPaths {
  /** The pinned requirements (apps/chain-relay/requirements.txt). */
  requirements: string;
  /** .stack/python/venv. */
  venvDir: string;
  /** pip's download cache, under .stack/ so an install touches nothing outside it. */
  pipCache: string;
}

/** `X.Y.Z` of `Python 3.11.7`. */
export function parsePythonVersion(output: string): [number, number, number] | undefined {
  const match = /Python (\d+)\.(\d+)(?:\.(\d+))?/.exec(output);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : undefined;
}

/** Finds `python3` on PATH, new enough for the SDK and able to make virtual environments. */
export function findPython(env: NodeJS.ProcessEnv = process.env): PythonRuntime {
  const command = findProgram('python3', env);
  const why =
    'The chain relay (apps/chain-relay, on the OpenTelemetry Python SDK) runs from a virtual ' +
    'environment that the first `pnpm stack up` makes in .stack/python/venv.';
  if (!command) {
    throw new StackError(
      `python3 is not on PATH. ${why} Install Python ${MIN_PYTHON.join('.')} or newer with its ` +
        'venv module (Debian: apt-get install python3 python3-venv) and run it again.',
    );
  }
  const run = spawnSync(command, ['--version'], { encoding: 'utf8', env, timeout: 30_000 });
  const version = parsePythonVersion(`${run.stdout ?? ''}${run.stderr ?? ''}`);
  if (
    !version ||
    version[0] < MIN_PYTHON[0] ||
    (version[0] === MIN_PYTHON[0] && version[1] < MIN_PYTHON[1])
  ) {
    throw new StackError(
      `${command} is ${version ? `Python ${version.join('.')}` : 'not a Python we can read the version of'}: ` +
        `${why} It needs Python ${MIN_PYTHON.join('.')} or newer.`,
    );
  }
  const venv = spawnSync(command, ['-m', 'venv', '--help'], {
    encoding: 'utf8',
    env,
    timeout: 30_000,
  });
  if (venv.status !== 0) {
    throw new StackError(
      `${command} has no venv module. ${why} Install it (Debian: apt-get install python3-venv; ` +
        '`npm run setup` does it as root) and run it again.',
    );
  }
  return { command, version: version.join('.') };
}

/** What the environment is made from: the requirements and the Python version. */
export function venvFingerprint(paths: VenvPaths, python: PythonRuntime): string {
  return createHash('sha256')
    .update(`python ${python.version}\n`)
    .update(readFileSync(paths.requirements))
    .digest('hex');
}

const fingerprintFile = (venvDir: string) => `${venvDir}.fingerprint`;

/** The environment's interpreter. */
export function venvPython(venvDir: string): string {
  return path.join(venvDir, 'bin', 'python');
}

/** True when the environment was made from exactly these requirements and this Python. */
export function isVenvReady(paths: VenvPaths, python: PythonRuntime): boolean {
  const file = fingerprintFile(paths.venvDir);
  return (
    existsSync(venvPython(paths.venvDir)) &&
    existsSync(file) &&
    readFileSync(file, 'utf8').trim() === venvFingerprint(paths, python)
  );
}

function run(command: string, args: string[], options: { env: NodeJS.ProcessEnv; log: number }) {
  return new Promise<number | null>((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env,
      stdio: ['ignore', options.log, options.log],
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

/**
 * Makes the relay's virtual environment unless the one in place matches its inputs: a new venv,
 * then `pip install --no-deps -r requirements.txt` (every package pinned there, so nothing else
 * is installed) and `pip check` (the pins are complete and agree). Output goes to `logFile`.
 */
export async function ensureVenv(
  paths: VenvPaths,
  python: PythonRuntime,
  options: { logFile: string; env?: NodeJS.ProcessEnv },
): Promise<'cached' | 'installed'> {
  if (isVenvReady(paths, python)) return 'cached';
  const env = {
    ...(options.env ?? process.env),
    PIP_CACHE_DIR: paths.pipCache,
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
  };
  // A venv's scripts name its folder, so it is made in place; the fingerprint is written last,
  // so an interrupted install is made again from scratch next time.
  rmSync(paths.venvDir, { recursive: true, force: true });
  rmSync(fingerprintFile(paths.venvDir), { force: true });
  mkdirSync(path.dirname(paths.venvDir), { recursive: true });
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, 'w');
  const pip = [venvPython(paths.venvDir), '-m', 'pip'] as const;
  const steps: [string, string[]][] = [
    [python.command, ['-m', 'venv', paths.venvDir]],
    [
      pip[0],
      [...pip.slice(1), 'install', '--no-deps', '--require-virtualenv', '-r', paths.requirements],
    ],
    [pip[0], [...pip.slice(1), 'check']],
  ];
  try {
    for (const [command, args] of steps) {
      const status = await run(command, args, { env, log });
      if (status !== 0) {
        rmSync(paths.venvDir, { recursive: true, force: true });
        throw new StackError(
          `making the relay's Python environment failed (${path.basename(command)} ${args.join(' ')}, ` +
            `exit ${status}); the output is in ${options.logFile}.`,
        );
      }
    }
  } finally {
    closeSync(log);
  }
  writeFileSync(fingerprintFile(paths.venvDir), `${venvFingerprint(paths, python)}\n`);
  return 'installed';
}
