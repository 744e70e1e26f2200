import type { ExemplarFilter } from '../../types.js';

const FILTERS: readonly ExemplarFilter[] = ['always_off', 'trace_based', 'always_on'];

/** Throws, naming the option and the accepted values, unless `value` is an exemplar filter. */
export function assertExemplarFilter(
  value: unknown,
  option: string,
): asserts value is ExemplarFilter {
  if (!FILTERS.includes(value as ExemplarFilter)) {
    throw new Error(
      `@proc/telemetry-metrics: ${option} must be one of ${FILTERS.map((f) => `'${f}'`).join(', ')}; got ${JSON.stringify(value)}`,
    );
  }
}
