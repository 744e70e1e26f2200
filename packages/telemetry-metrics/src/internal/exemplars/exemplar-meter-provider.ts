import type { Meter } from '@opentelemetry/api';
import { MeterProvider, type MeterProviderOptions } from '@opentelemetry/sdk-metrics';
import type { MetricsMeterProvider } from '../../types.js';
import { createExemplarMeter } from './exemplar-meter.js';
import { type ExemplarStore, scopeKey } from './exemplar-store.js';
import { createMeasurementExemplars } from './measurement-exemplars.js';
import { createMeasurementTap } from './measurement-tap.js';
import type { ActiveExemplarFilter } from './types.js';

/**
 * The SDK's `MeterProvider`, behind the API's `MeterProvider` interface, whose meters offer the
 * measurements of their synchronous instruments as exemplars to `store`: instruments made
 * through the plain Meter API, the global `metrics.getMeter()` once this provider is registered,
 * and a `MetricsRecorder` alike. Only public seams: the provider is composed, not subclassed;
 * each view gets one more attributes processor (see `createMeasurementTap()`).
 */
export function createExemplarMeterProvider(
  options: MeterProviderOptions,
  filter: ActiveExemplarFilter,
  store: ExemplarStore,
): MetricsMeterProvider {
  const tap = createMeasurementTap();
  const provider = new MeterProvider({ ...options, views: tap.tapViews(options.views ?? []) });
  const exemplars = createMeasurementExemplars(filter, store, tap);
  // One wrapper per SDK meter, so a meter got twice is the same object (the recorder caches its
  // instruments per meter).
  const meters = new WeakMap<Meter, Meter>();
  let stopped = false;

  return {
    getMeter(name, version = '', meterOptions = {}) {
      const meter = provider.getMeter(name, version, meterOptions);
      // After shutdown the SDK returns a no-op meter (with a warning): nothing to offer.
      if (stopped) return meter;
      let wrapped = meters.get(meter);
      if (wrapped === undefined) {
        const scope = scopeKey({ name, version, schemaUrl: meterOptions.schemaUrl });
        wrapped = createExemplarMeter(meter, scope, exemplars);
        meters.set(meter, wrapped);
      }
      return wrapped;
    },
    forceFlush: (flushOptions) => provider.forceFlush(flushOptions),
    shutdown(shutdownOptions) {
      stopped = true;
      return provider.shutdown(shutdownOptions);
    },
  };
}
