import {
  AggregationTemporalityPreference,
  CumulativeTemporalitySelector,
  DeltaTemporalitySelector,
  LowMemoryTemporalitySelector,
} from '@opentelemetry/exporter-metrics-otlp-http';
import type { AggregationTemporalitySelector } from '@opentelemetry/sdk-metrics';
import type { TemporalityPreference } from '@proc/telemetry-config';

/*
 * The OTLP metric exporter specification defines the preferences per instrument kind
 * (https://opentelemetry.io/docs/specs/otel/metrics/sdk_exporters/otlp/#additional-environment-variable-configuration):
 * - cumulative: every kind cumulative;
 * - delta: Counter, ObservableCounter, Histogram delta; UpDownCounter, ObservableUpDownCounter cumulative;
 * - lowmemory: Counter, Histogram delta; ObservableCounter, UpDownCounter, ObservableUpDownCounter cumulative.
 * The 0.223 OTLP exporters implement exactly this table (exporter-metrics-otlp-http
 * OTLPMetricExporterBase), so the preference is passed through and the same selectors serve
 * the console exporter.
 */

/** The OTLP exporters' `temporalityPreference` for a configured preference. */
export function otlpTemporalityPreference(
  preference: TemporalityPreference,
): AggregationTemporalityPreference {
  switch (preference) {
    case 'cumulative':
      return AggregationTemporalityPreference.CUMULATIVE;
    case 'delta':
      return AggregationTemporalityPreference.DELTA;
    case 'lowmemory':
      return AggregationTemporalityPreference.LOWMEMORY;
  }
}

/** A reader's temporality selector for a configured preference. */
export function temporalitySelector(
  preference: TemporalityPreference,
): AggregationTemporalitySelector {
  switch (preference) {
    case 'cumulative':
      return CumulativeTemporalitySelector;
    case 'delta':
      return DeltaTemporalitySelector;
    case 'lowmemory':
      return LowMemoryTemporalitySelector;
  }
}
