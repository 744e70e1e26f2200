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
import type { ExemplarInstrumentKind, Measure } from './types.js';

/**
 * `measure` that also offers each measurement passing the filter as an exemplar of `instrument`:
 * the one wrapper every synchronous instrument (counter, up-down counter, histogram, gauge) uses.
 */
function withExemplars<A extends Attributes>(
  instrument: ExemplarInstrument,
  exemplars: MeasurementExemplars,
  measure: Measure<A>,
): Measure<A> {
  return (value, attributes, ctx) => {
    const admitted = exemplars.admit(ctx);
    if (admitted === undefined) return measure(value, attributes, ctx);
    exemplars.record(instrument, admitted, value, attributes, ctx, measure);
  };
}

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
  ): ExemplarInstrument =>
    exemplars.instrument(scope, name, kind, options?.valueType === ValueType.INT);

  return {
    createCounter<A extends Attributes>(name: string, options?: MetricOptions): Counter<A> {
      const inner = meter.createCounter<A>(name, options);
      const id = instrument(name, 'counter', options);
      return { add: withExemplars<A>(id, exemplars, (v, a, c) => inner.add(v, a, c)) };
    },
    createUpDownCounter<A extends Attributes>(
      name: string,
      options?: MetricOptions,
    ): UpDownCounter<A> {
      const inner = meter.createUpDownCounter<A>(name, options);
      const id = instrument(name, 'upDownCounter', options);
      return { add: withExemplars<A>(id, exemplars, (v, a, c) => inner.add(v, a, c)) };
    },
    createHistogram<A extends Attributes>(name: string, options?: MetricOptions): Histogram<A> {
      const inner = meter.createHistogram<A>(name, options);
      const id = instrument(name, 'histogram', options);
      return { record: withExemplars<A>(id, exemplars, (v, a, c) => inner.record(v, a, c)) };
    },
    createGauge<A extends Attributes>(name: string, options?: MetricOptions): Gauge<A> {
      const inner = meter.createGauge<A>(name, options);
      const id = instrument(name, 'gauge', options);
      return { record: withExemplars<A>(id, exemplars, (v, a, c) => inner.record(v, a, c)) };
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
