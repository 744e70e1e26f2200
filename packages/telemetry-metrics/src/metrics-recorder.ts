import { type Attributes, metrics, type ObservableResult } from '@opentelemetry/api';
import {
  type CachedInstrument,
  getOrCreateInstrument,
  instrumentCacheFor,
} from './internal/instrument-cache.js';
import { createAttributeSanitizer } from './internal/sanitize-attributes.js';
import { METRIC_DEFINITIONS } from './metric-definitions.js';
import type {
  MetricDefinition,
  MetricsRecorder,
  MetricsRecorderOptions,
  ObserveGaugeCallback,
  RecorderInstrumentKind,
} from './types.js';

const DEFAULT_METER_NAME = '@proc/telemetry-metrics';

/**
 * Creates a {@link MetricsRecorder}: instruments are created once per meter and name, and the
 * common attributes are merged into every recording. Without per-call attributes the frozen
 * common attributes object itself is passed to the SDK, so the hot path allocates nothing; valid
 * per-call attributes are checked in place (no copy), invalid ones dropped with a diag warning
 * instead of letting the SDK throw.
 *
 * Exemplars come from the meter: on a meter of a provider from `initMeterProvider()` that keeps
 * them, each synchronous recording made inside a sampled span offers one, as a measurement made
 * through the plain Meter API does.
 *
 * @example
 * const recorder = createMetricsRecorder({
 *   meter: handle.getMeter('orders-processor'),
 *   commonAttributes: { 'pipeline.name': 'orders' },
 * });
 * recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED, 1, { [METRIC_ATTRIBUTES.EVENT_TYPE]: 'order' });
 */
export function createMetricsRecorder(options: MetricsRecorderOptions = {}): MetricsRecorder {
  const meter = options.meter ?? metrics.getMeter(DEFAULT_METER_NAME);
  const sanitize = createAttributeSanitizer();
  const common: Readonly<Attributes> = Object.freeze({ ...sanitize(options.commonAttributes) });
  const hasCommon = Object.keys(common).length > 0;
  const definitions = new Map<string, MetricDefinition>(Object.entries(METRIC_DEFINITIONS));
  for (const definition of options.definitions ?? []) {
    definitions.set(definition.name, definition);
  }
  const cache = instrumentCacheFor(meter);

  const attributesFor = (given: Attributes | undefined): Attributes => {
    if (given === undefined) {
      return common;
    }
    // Valid attributes come back as the same object; invalid ones are dropped (never a throw).
    const attributes = sanitize(given);
    if (attributes === undefined) {
      return common;
    }
    return hasCommon ? { ...common, ...attributes } : attributes;
  };
  const slow = (name: string, kind: RecorderInstrumentKind): CachedInstrument =>
    getOrCreateInstrument(cache, meter, name, kind, definitions);

  return {
    commonAttributes: common,

    recordCounter(name, value = 1, attributes) {
      let entry = cache.get(name);
      if (entry?.kind !== 'counter') entry = slow(name, 'counter');
      if (entry.kind === 'counter') entry.instrument.add(value, attributesFor(attributes));
    },

    recordUpDown(name, delta, attributes) {
      let entry = cache.get(name);
      if (entry?.kind !== 'upDownCounter') entry = slow(name, 'upDownCounter');
      if (entry.kind === 'upDownCounter') entry.instrument.add(delta, attributesFor(attributes));
    },

    recordHistogram(name, value, attributes) {
      let entry = cache.get(name);
      if (entry?.kind !== 'histogram') entry = slow(name, 'histogram');
      if (entry.kind === 'histogram') entry.instrument.record(value, attributesFor(attributes));
    },

    recordGauge(name, value, attributes) {
      let entry = cache.get(name);
      if (entry?.kind !== 'gauge') entry = slow(name, 'gauge');
      if (entry.kind === 'gauge') entry.instrument.record(value, attributesFor(attributes));
    },

    observeGauge(name: string, callback: ObserveGaugeCallback): () => void {
      const entry = slow(name, 'observableGauge');
      if (entry.kind !== 'observableGauge') {
        throw new Error(
          '@proc/telemetry-metrics: internal error: getOrCreateInstrument returned another kind',
        );
      }
      const gauge = entry.instrument;
      const observableCallback = (result: ObservableResult<Attributes>) =>
        callback((value, attributes) => result.observe(value, attributesFor(attributes)));
      gauge.addCallback(observableCallback);
      let removed = false;
      return () => {
        if (!removed) {
          removed = true;
          gauge.removeCallback(observableCallback);
        }
      };
    },
  };
}
