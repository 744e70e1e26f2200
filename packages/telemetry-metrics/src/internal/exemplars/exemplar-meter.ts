import {
  type Attributes,
  type Counter,
  type Gauge,
  type Histogram,
  type Meter,
  type MetricOptions,
  type UpDownCounter,
  ValueType,
} from '@opentelemetry/api';
import type { ExemplarInstrument, MeasurementExemplars } from './measurement-exemplars.js';
import type { ExemplarInstrumentKind } from './types.js';

/**
 * `meter` with its synchronous instruments wrapped, so each measurement that passes the filter
 * is also offered as an exemplar; observable instruments and batch callbacks are the meter's
 * own (their measurements have no span). Built on the API's `Meter` interface only: an API
 * release that adds a method fails the type check here instead of losing it at run time.
 */
export function createExemplarMeter(
  meter: Meter,
  scope: string,
  exemplars: MeasurementExemplars,
): Meter {
  const instrument = (
    name: string,
    kind: ExemplarInstrumentKind,
    options: MetricOptions | undefined,
  ): ExemplarInstrument => ({ scope, name, kind, integer: options?.valueType === ValueType.INT });

  return {
    createCounter<A extends Attributes>(name: string, options?: MetricOptions): Counter<A> {
      const inner = meter.createCounter<A>(name, options);
      const id = instrument(name, 'counter', options);
      return {
        add(value, attributes, ctx) {
          const admitted = exemplars.admit(ctx);
          if (admitted === undefined) return inner.add(value, attributes, ctx);
          exemplars.record(id, admitted, value, attributes, () =>
            inner.add(value, attributes, ctx),
          );
        },
      };
    },
    createUpDownCounter<A extends Attributes>(
      name: string,
      options?: MetricOptions,
    ): UpDownCounter<A> {
      const inner = meter.createUpDownCounter<A>(name, options);
      const id = instrument(name, 'upDownCounter', options);
      return {
        add(value, attributes, ctx) {
          const admitted = exemplars.admit(ctx);
          if (admitted === undefined) return inner.add(value, attributes, ctx);
          exemplars.record(id, admitted, value, attributes, () =>
            inner.add(value, attributes, ctx),
          );
        },
      };
    },
    createHistogram<A extends Attributes>(name: string, options?: MetricOptions): Histogram<A> {
      const inner = meter.createHistogram<A>(name, options);
      const id = instrument(name, 'histogram', options);
      return {
        record(value, attributes, ctx) {
          const admitted = exemplars.admit(ctx);
          if (admitted === undefined) return inner.record(value, attributes, ctx);
          exemplars.record(id, admitted, value, attributes, () =>
            inner.record(value, attributes, ctx),
          );
        },
      };
    },
    createGauge<A extends Attributes>(name: string, options?: MetricOptions): Gauge<A> {
      const inner = meter.createGauge<A>(name, options);
      const id = instrument(name, 'gauge', options);
      return {
        record(value, attributes, ctx) {
          const admitted = exemplars.admit(ctx);
          if (admitted === undefined) return inner.record(value, attributes, ctx);
          exemplars.record(id, admitted, value, attributes, () =>
            inner.record(value, attributes, ctx),
          );
        },
      };
    },
    createObservableCounter: (name, options) => meter.createObservableCounter(name, options),
    createObservableUpDownCounter: (name, options) =>
      meter.createObservableUpDownCounter(name, options),
    createObservableGauge: (name, options) => meter.createObservableGauge(name, options),
    addBatchObservableCallback: (callback, observables) =>
      meter.addBatchObservableCallback(callback, observables),
    removeBatchObservableCallback: (callback, observables) =>
      meter.removeBatchObservableCallback(callback, observables),
  };
}
