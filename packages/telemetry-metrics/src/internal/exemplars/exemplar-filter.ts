import type { ExemplarFilterName } from '@proc/telemetry-config';

const FILTERS: readonly ExemplarFilterName[] = ['always_off', 'trace_based', 'always_on'];

/**
 * Throws, naming the option and the accepted values, unless `value` is an exemplar filter.
 * `loadConfig()` validates it already; a hand-built `MetricsConfig` may still hold anything.
 */
export function assertExemplarFilter(
  value: unknown,
  option: string,
): asserts value is ExemplarFilterName {
  if (!FILTERS.includes(value as ExemplarFilterName)) {
    throw new Error(
      `@proc/telemetry-metrics: ${option} must be one of ${FILTERS.map((f) => `'${f}'`).join(', ')}; got ${JSON.stringify(value)}`,
    );
  }
}
