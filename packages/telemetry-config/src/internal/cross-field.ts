import type { ConfigSource, ConfigWarning, TelemetryConfigIssue } from '../types.js';
import { getAt, type PlainObject } from './plain.js';
import { makeWarning } from './warnings.js';

/** Pairs where `small` must not exceed `large`, with their environment variables. */
const PAIRS = [
  {
    small: ['traces', 'batch', 'maxExportBatchSize'],
    large: ['traces', 'batch', 'maxQueueSize'],
    env: { small: 'OTEL_BSP_MAX_EXPORT_BATCH_SIZE', large: 'OTEL_BSP_MAX_QUEUE_SIZE' },
  },
  {
    small: ['logs', 'batch', 'maxExportBatchSize'],
    large: ['logs', 'batch', 'maxQueueSize'],
    env: { small: 'OTEL_BLRP_MAX_EXPORT_BATCH_SIZE', large: 'OTEL_BLRP_MAX_QUEUE_SIZE' },
  },
  {
    small: ['metrics', 'exportTimeoutMillis'],
    large: ['metrics', 'exportIntervalMillis'],
    env: { small: 'OTEL_METRIC_EXPORT_TIMEOUT', large: 'OTEL_METRIC_EXPORT_INTERVAL' },
  },
] as const;

/** The exporter lists of the signals, where `none` must stand alone too. */
const NONE_ALONE_EXPORTERS = [
  ['traces', 'exporter'],
  ['metrics', 'exporter'],
  ['logs', 'exporter'],
] as const;

const RANK: Record<ConfigSource, number> = { default: 0, file: 1, env: 2, code: 3 };

const expectedAtMost = (large: readonly string[], value: number) =>
  `at most ${large.join('.')} (${value})`;

/** Checks between fields of one source (code or file), on values the schema accepted. */
export function layerCrossFieldIssues(
  options: unknown,
  source: ConfigSource,
): TelemetryConfigIssue[] {
  const issues: TelemetryConfigIssue[] = [];
  for (const { small, large } of PAIRS) {
    const s = getAt(options, small);
    const l = getAt(options, large);
    if (typeof s === 'number' && typeof l === 'number' && s > l) {
      issues.push({
        path: small.join('.'),
        received: s,
        expected: expectedAtMost(large, l),
        source,
      });
    }
  }
  // `none` beside something else contradicts itself: say so rather than guess.
  for (const path of [['propagators'], ...NONE_ALONE_EXPORTERS]) {
    const list = getAt(options, path);
    if (Array.isArray(list) && list.includes('none') && list.length > 1) {
      issues.push({
        path: path.join('.'),
        received: list,
        expected: '"none" alone, or a list without "none"',
        source,
      });
    }
  }
  return issues;
}

/**
 * Checks between fields that came from different sources, after merging. A default that does
 * not fit (a batch larger than a smaller queue) follows the other field; a conflict an
 * environment variable brought is reported and clamped (as the OpenTelemetry SDK does); a
 * conflict between code or file values is an issue.
 */
export function enforceCrossField(
  values: PlainObject,
  sources: Map<string, ConfigSource>,
  report: (warning: ConfigWarning) => void,
): TelemetryConfigIssue[] {
  const issues: TelemetryConfigIssue[] = [];
  for (const { small, large, env } of PAIRS) {
    const s = getAt(values, small) as number;
    const l = getAt(values, large) as number;
    if (s <= l) continue;
    const smallSource = sources.get(small.join('.')) ?? 'default';
    const largeSource = sources.get(large.join('.')) ?? 'default';
    const envInvolved = smallSource === 'env' || largeSource === 'env';
    if (smallSource !== 'default' && !envInvolved) {
      const source = RANK[smallSource] >= RANK[largeSource] ? smallSource : largeSource;
      issues.push({
        path: small.join('.'),
        received: s,
        expected: expectedAtMost(large, l),
        source,
      });
      continue;
    }
    if (smallSource !== 'default') {
      const [variable, value] = smallSource === 'env' ? [env.small, s] : [env.large, l];
      report(
        makeWarning(
          variable,
          String(value),
          `${env.small} <= ${env.large}; using ${small.join('.')}=${l}`,
        ),
      );
    }
    const parent = getAt(values, small.slice(0, -1)) as PlainObject;
    parent[small[small.length - 1] as string] = l;
  }
  return issues;
}
