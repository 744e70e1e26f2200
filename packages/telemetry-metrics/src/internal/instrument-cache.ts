import type {
  Counter,
  Gauge,
  Histogram,
  Meter,
  MetricOptions,
  ObservableGauge,
  UpDownCounter,
} from '@opentelemetry/api';
import type { MetricDefinition, RecorderInstrumentKind } from '../types.js';
import { assertValidInstrumentName } from './instrument-name.js';

/** One cached instrument, tagged with its kind so the hot path narrows it without a cast. */
export type CachedInstrument =
  | { readonly kind: 'counter'; readonly instrument: Counter }
  | { readonly kind: 'upDownCounter'; readonly instrument: UpDownCounter }
  | { readonly kind: 'histogram'; readonly instrument: Histogram }
  | { readonly kind: 'gauge'; readonly instrument: Gauge }
  | { readonly kind: 'observableGauge'; readonly instrument: ObservableGauge };

/** Instruments of one meter by name. */
export type InstrumentCache = Map<string, CachedInstrument>;

// One cache per meter, shared by every recorder on it, so a name keeps one kind per meter.
const caches = new WeakMap<Meter, InstrumentCache>();

/** The instrument cache of `meter`, created on first use. */
export function instrumentCacheFor(meter: Meter): InstrumentCache {
  let cache = caches.get(meter);
  if (cache === undefined) {
    cache = new Map();
    caches.set(meter, cache);
  }
  return cache;
}

const KIND_LABELS: Record<RecorderInstrumentKind, string> = {
  counter: 'counter',
  upDownCounter: 'up-down counter',
  histogram: 'histogram',
  gauge: 'gauge',
  observableGauge: 'observable gauge',
};

function metricOptions(definition: MetricDefinition | undefined): MetricOptions | undefined {
  if (definition === undefined) {
    return undefined;
  }
  const options: MetricOptions = { unit: definition.unit, description: definition.description };
  if (definition.bucketBoundaries !== undefined) {
    options.advice = { explicitBucketBoundaries: [...definition.bucketBoundaries] };
  }
  return options;
}

function create(
  meter: Meter,
  name: string,
  kind: RecorderInstrumentKind,
  options?: MetricOptions,
): CachedInstrument {
  switch (kind) {
    case 'counter':
      return { kind, instrument: meter.createCounter(name, options) };
    case 'upDownCounter':
      return { kind, instrument: meter.createUpDownCounter(name, options) };
    case 'histogram':
      return { kind, instrument: meter.createHistogram(name, options) };
    case 'gauge':
      return { kind, instrument: meter.createGauge(name, options) };
    case 'observableGauge':
      return { kind, instrument: meter.createObservableGauge(name, options) };
  }
}

/**
 * The slow path: returns the cached instrument `name` of `kind`, creating it (validated, with
 * its definition's unit, description and buckets) on first use. Throws when the name is invalid
 * or already used, or defined, with another kind.
 */
export function getOrCreateInstrument(
  cache: InstrumentCache,
  meter: Meter,
  name: string,
  kind: RecorderInstrumentKind,
  definitions: ReadonlyMap<string, MetricDefinition>,
): CachedInstrument {
  const existing = cache.get(name);
  if (existing !== undefined) {
    if (existing.kind !== kind) {
      throw new TypeError(
        `@proc/telemetry-metrics: instrument "${name}" was created as a ${KIND_LABELS[existing.kind]} ` +
          `and cannot be recorded as a ${KIND_LABELS[kind]}; use another name`,
      );
    }
    return existing;
  }
  assertValidInstrumentName(name);
  const definition = definitions.get(name);
  if (definition !== undefined && definition.kind !== kind) {
    throw new TypeError(
      `@proc/telemetry-metrics: instrument "${name}" is defined as a ${KIND_LABELS[definition.kind]} ` +
        `and cannot be recorded as a ${KIND_LABELS[kind]}`,
    );
  }
  const created = create(meter, name, kind, metricOptions(definition));
  cache.set(name, created);
  return created;
}
