import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { StackError } from './stack-error.js';

/** The Go found on PATH. */
export interface GoToolchain {
  /** What `go version` names, e.g. `go1.26.8`. */
  version: string;
}

/** `[major, minor, patch]` of `go1.26.8`, `1.26` or `1.26.0`; undefined when not a release. */
export function parseGoVersion(text: string): [number, number, number] | undefined {
  const match = /(?:go)?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

/** True when `have` is at least `need`. */
export function goVersionAtLeast(have: [number, number, number], need: [number, number, number]) {
  for (let i = 0; i < 3; i++) if (have[i] !== need[i]) return have[i]! > need[i]!;
  return true;
}

/** The `go` line of a module's go.mod: the oldest Go that builds it. */
export function requiredGoVersion(moduleDir: string): string {
  const goMod = readFileSync(path.join(moduleDir, 'go.mod'), 'utf8');
  const line = /^go\s+(\S+)/m.exec(goMod);
  if (!line) throw new Error(`${path.join(moduleDir, 'go.mod')} has no go line`);
  return line[1]!;
}

/**
 * Finds Go on PATH, new enough for every module in `moduleDirs`. The collector and Jaeger are
 * built from source once (then cached), so Go is only needed for that first `up`.
 */
export function findGo(moduleDirs: readonly string[], env: NodeJS.ProcessEnv = process.env) {
  const need = moduleDirs.map((dir) => ({ dir, version: requiredGoVersion(dir) }));
  const newest = need.reduce((a, b) =>
    goVersionAtLeast(parseGoVersion(a.version)!, parseGoVersion(b.version)!) ? a : b,
  );
  const run = spawnSync('go', ['version'], { encoding: 'utf8', env, timeout: 30_000 });
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new StackError(
      `Go is not on PATH. The OpenTelemetry Collector and Jaeger are built from their Go ` +
        `modules (${need.map((n) => path.basename(n.dir)).join(', ')} under infra/) on the ` +
        `first \`pnpm stack up\`, then cached in .stack/bin. Install Go ${newest.version} or ` +
        `newer (https://go.dev/doc/install) and run it again.`,
    );
  }
  if (run.error || run.status !== 0) {
    throw new StackError(`\`go version\` failed: ${run.error?.message ?? run.stderr.trim()}`);
  }
  const version = /go\d+\.\d+(?:\.\d+)?\S*/.exec(run.stdout)?.[0] ?? run.stdout.trim();
  const have = parseGoVersion(version);
  if (!have || !goVersionAtLeast(have, parseGoVersion(newest.version)!)) {
    throw new StackError(
      `Go ${version} is too old: ${path.join(newest.dir, 'go.mod')} needs go ${newest.version} ` +
        `or newer. Install a newer Go and run it again.`,
    );
  }
  return { version } satisfies GoToolchain;
}
