import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The demo's command, as its package.json `bin` names it (built by `pnpm build`). */
function demoBin(): string {
  const manifest = require.resolve('@proc/demo-processor/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  return path.resolve(path.dirname(manifest), bin['demo-processor'] as string);
}

/**
 * Runs the demo's CLI for `seconds` of synthetic traffic (its default mix: duplicates, late
 * events and poison messages) exporting to `collector`; resolves once it has exited, so its
 * telemetry has been shut down and exported. Killed after 60 s if it has not stopped by itself.
 */
export function runDemo(collector: string, seconds = 3): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        demoBin(),
        '--duration',
        String(seconds),
        '--rate',
        '200',
        '--seed',
        '7',
        '--collector',
        collector,
      ],
      { stdio: 'ignore', env: { PATH: process.env.PATH ?? '' } },
    );
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
