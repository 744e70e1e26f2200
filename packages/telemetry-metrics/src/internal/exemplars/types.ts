import type { Attributes, Context, HrTime } from '@opentelemetry/api';

/** The synchronous instrument kinds whose measurements are offered as exemplars. */
export type ExemplarInstrumentKind = 'counter' | 'upDownCounter' | 'histogram' | 'gauge';

/** One measurement kept as an exemplar, ready to serialize. */
export interface RecordedExemplar {
  readonly value: number;
  readonly time: HrTime;
  /** Lower-case hex; absent when no valid span was active (`always_on` filter only). */
  readonly traceId?: string;
  readonly spanId?: string;
  /** The recorded attributes that the point does not have (a view's `attributeKeys` removed them). */
  readonly filteredAttributes: Attributes;
}

/** The exemplar filters that keep anything; `always_off` builds no exemplar machinery at all. */
export type ActiveExemplarFilter = 'trace_based' | 'always_on';

/**
 * A synchronous instrument's own `add()` or `record()`. Passed on with its arguments rather than
 * wrapped in a closure: a closure would be made per measurement.
 */
export type Measure<A extends Attributes = Attributes> = (
  value: number,
  attributes?: A,
  ctx?: Context,
) => void;
