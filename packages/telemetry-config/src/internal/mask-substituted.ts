import type { TelemetryConfigIssue } from '../types.js';
import { REDACTED } from './credentials.js';
import type { Layer } from './merge-layers.js';
import { isPlainObject, type PlainObject, setOwn } from './plain.js';

const child = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/** `value` (at `path`) with every value at a path in `secrets` replaced by `[REDACTED]`. */
function mask(value: unknown, path: string, secrets: ReadonlySet<string>): unknown {
  if (secrets.has(path)) return REDACTED;
  if (Array.isArray(value))
    return value.map((item, index) => mask(item, child(path, String(index)), secrets));
  if (!isPlainObject(value)) return value;
  const out: PlainObject = {};
  for (const key of Object.keys(value))
    setOwn(out, key, mask(value[key], child(path, key), secrets));
  return out;
}

/**
 * `issues` with their received values masked wherever a `${…}` substitution put a value
 * (`secrets` holds those config paths): whatever came from the environment may be a secret,
 * whichever field it landed in.
 */
export function maskSubstituted(
  issues: readonly TelemetryConfigIssue[],
  secrets: ReadonlySet<string>,
): TelemetryConfigIssue[] {
  if (secrets.size === 0) return [...issues];
  return issues.map((issue) => {
    const under = [...secrets].some((secret) => issue.path.startsWith(`${secret}.`));
    const received = under ? REDACTED : mask(issue.received, issue.path, secrets);
    return received === issue.received ? issue : { ...issue, received };
  });
}

/**
 * The paths, in the resolved config, of every value a file layer got from a `${…}` reference:
 * a generic `export.*` value lands in `traces.export.*`, `metrics.export.*` and `logs.export.*`.
 */
export function substitutedPaths(layers: readonly Layer[]): Set<string> {
  const paths = new Set<string>();
  for (const layer of layers) {
    for (const path of layer.substituted ?? []) {
      paths.add(path);
      if (path.startsWith('export.')) {
        paths.add(`traces.${path}`);
        paths.add(`metrics.${path}`);
        paths.add(`logs.${path}`);
      }
    }
  }
  return paths;
}
