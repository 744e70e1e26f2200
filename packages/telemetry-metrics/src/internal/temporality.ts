import {
  AggregationTemporality,
  type AggregationTemporalitySelector,
  InstrumentType,
} from '@opentelemetry/sdk-metrics';
import type { TemporalityPreference } from '@proc/telemetry-config';

/*
 * The OTLP metric exporter specification defines the preferences per instrument kind
 * (https://opentelemetry.io/docs/specs/otel/metrics/sdk_exporters/otlp/#additional-environment-variable-configuration):
 * - cumulative: every kind cumulative;
 * - delta: Counter, ObservableCounter, Histogram delta; UpDownCounter, ObservableUpDownCounter cumulative;
 * - lowmemory: Counter, Histogram delta; ObservableCounter, UpDownCounter, ObservableUpDownCounter cumulative.
 * (the same table as exporter-metrics-otlp-http 0.223's selectors); the OTLP and console
 * exporters use them.
 */

const cumulative: AggregationTemporalitySelector = () => AggregationTemporality.CUMULATIVE;

const delta: AggregationTemporalitySelector = (instrumentType) =>
  instrumentType === InstrumentType.UP_DOWN_COUNTER ||
  instrumentType === InstrumentType.OBSERVABLE_UP_DOWN_COUNTER
    ? AggregationTemporality.CUMULATIVE
    : AggregationTemporality.DELTA;

const lowMemory: AggregationTemporalitySelector = (instrumentType) =>
  instrumentType === InstrumentType.COUNTER || instrumentType === InstrumentType.HISTOGRAM
    ? AggregationTemporality.DELTA
    : AggregationTemporality.CUMULATIVE;

/** A reader's temporality selector for a configured preference. */
export function temporalitySelector(
  preference: TemporalityPreference,
): AggregationTemporalitySelector {
  switch (preference) {
    case 'cumulative':
      return cumulative;
    case 'delta':
      return delta;
    case 'lowmemory':
      return lowMemory;
  }
}
