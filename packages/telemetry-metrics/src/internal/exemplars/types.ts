import type { Attributes, HrTime } from '@opentelemetry/api';

/** The instrument kinds whose points carry exemplars. */
export type ExemplarInstrumentKind = 'counter' | 'histogram';

/** One measurement kept as an exemplar. */
export interface RecordedExemplar {
  readonly value: number;
  readonly time: HrTime;
  /** Lower-case hex; absent when no valid span was active (`always_on` filter only). */
  readonly traceId?: string;
  readonly spanId?: string;
  /** Every attribute the measurement was recorded with (common and per call). */
  readonly attributes: Attributes;
}

/** An exemplar matched to its data point, ready to serialize. */
export interface PointExemplar {
  readonly value: number;
  readonly time: HrTime;
  readonly traceId?: string;
  readonly spanId?: string;
  /** The recorded attributes that the point does not have (removed by a view's allow-list). */
  readonly filteredAttributes: Attributes;
}

/** Exemplars taken from one meter: instrument name → series → exemplars. */
export type TakenInstrumentExemplars = ReadonlyMap<string, readonly RecordedExemplar[]>;

/** Exemplars taken from a provider's meters, by scope key (see `scopeKey()`). */
export type TakenExemplars = ReadonlyMap<string, TakenInstrumentExemplars>;
