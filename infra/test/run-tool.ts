import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The repository's infra/ folder. */
export const INFRA_DIR = path.resolve(__dirname, '..');

/** Runs a validation binary; a missing binary is a failure that says how to install it. */
export function runTool(
  binary: string,
  args: readonly string[],
  installHint: string,
): { status: number; output: string } {
  const run = spawnSync(binary, args, { encoding: 'utf8', cwd: INFRA_DIR, timeout: 60_000 });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${binary} is not installed, so infra/ cannot be validated: ${installHint}`);
  }
  if (run.error) throw run.error;
  return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}

export const DOCKER_COMPOSE_HINT =
  'install it (Debian: apt-get install docker-compose; scripts/setup.sh should do this).';
export const PROMTOOL_HINT =
  'install Prometheus, which ships promtool (Debian: apt-get install prometheus; scripts/setup.sh does this).';
