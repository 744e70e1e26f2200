import {
  AggregationType,
  createAllowListAttributesProcessor,
  InstrumentType,
  type ViewOptions,
} from '@opentelemetry/sdk-metrics';
import type { InstrumentKind, MetricViewOptions } from '../types.js';

/** The SDK's instrument type for each kind. */
const INSTRUMENT_TYPES: Record<InstrumentKind, InstrumentType> = {
  counter: InstrumentType.COUNTER,
  upDownCounter: InstrumentType.UP_DOWN_COUNTER,
  histogram: InstrumentType.HISTOGRAM,
  gauge: InstrumentType.GAUGE,
  observableCounter: InstrumentType.OBSERVABLE_COUNTER,
  observableUpDownCounter: InstrumentType.OBSERVABLE_UP_DOWN_COUNTER,
  observableGauge: InstrumentType.OBSERVABLE_GAUGE,
};

function fail(index: number, message: string): never {
  throw new TypeError(`@proc/telemetry-metrics: views[${index}]: ${message}`);
}

/** Throws unless `limit` is a positive integer; `where` names the option. */
export function assertCardinalityLimit(limit: number, where: string): void {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(
      `@proc/telemetry-metrics: ${where} must be a positive integer, got ${String(limit)}`,
    );
  }
}

function validate(view: MetricViewOptions, index: number): void {
  if (typeof view.instrumentName !== 'string' || view.instrumentName === '') {
    fail(index, 'instrumentName is required (use "*" to select every instrument)');
  }
  if (view.instrumentKind !== undefined && !(view.instrumentKind in INSTRUMENT_TYPES)) {
    fail(
      index,
      `instrumentKind "${String(view.instrumentKind)}" is not one of ${Object.keys(INSTRUMENT_TYPES).join(', ')}`,
    );
  }
  if (view.name !== undefined && view.instrumentName.includes('*')) {
    fail(index, 'name can only be set when instrumentName selects one instrument (no "*")');
  }
  const bounds = view.bucketBoundaries;
  if (bounds !== undefined) {
    const increasing = bounds.every(
      (b, i) => Number.isFinite(b) && (i === 0 || b > (bounds[i - 1] as number)),
    );
    if (!increasing) {
      fail(
        index,
        `bucketBoundaries must be finite and strictly increasing, got [${bounds.join(', ')}]`,
      );
    }
  }
  if (view.cardinalityLimit !== undefined) {
    assertCardinalityLimit(view.cardinalityLimit, `views[${index}].cardinalityLimit`);
  }
}

/**
 * Validates `views` and converts them to the SDK's view options. A view without its own
 * cardinality limit gets `defaultCardinalityLimit`: the SDK would otherwise use 2000 for the
 * instruments a view selects, ignoring the readers' limit.
 */
export function toSdkViews(
  views: readonly MetricViewOptions[],
  defaultCardinalityLimit: number,
): ViewOptions[] {
  return views.map((view, index) => {
    validate(view, index);
    const sdkView: ViewOptions = {
      instrumentName: view.instrumentName,
      aggregationCardinalityLimit: view.cardinalityLimit ?? defaultCardinalityLimit,
    };
    if (view.instrumentKind !== undefined)
      sdkView.instrumentType = INSTRUMENT_TYPES[view.instrumentKind];
    if (view.meterName !== undefined) sdkView.meterName = view.meterName;
    if (view.name !== undefined) sdkView.name = view.name;
    if (view.description !== undefined) sdkView.description = view.description;
    if (view.attributeKeys !== undefined) {
      sdkView.attributesProcessors = [createAllowListAttributesProcessor([...view.attributeKeys])];
    }
    if (view.drop === true) {
      sdkView.aggregation = { type: AggregationType.DROP };
    } else if (view.bucketBoundaries !== undefined) {
      sdkView.aggregation = {
        type: AggregationType.EXPLICIT_BUCKET_HISTOGRAM,
        options: { boundaries: [...view.bucketBoundaries] },
      };
    }
    return sdkView;
  });
}
