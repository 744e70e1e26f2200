import type { Resource } from '@opentelemetry/resources';
import { type IMetricReader, MeterProvider } from '@opentelemetry/sdk-metrics';
import { type MetricsConfig, validateMetricsConfig } from '@proc/telemetry-config';
import type { ShutdownReport, TimeoutOptions } from '@proc/telemetry-lifecycle';
import { createExemplarMeterProvider } from './internal/exemplars/exemplar-meter-provider.js';
import { createExemplarStore } from './internal/exemplars/exemplar-store.js';
import type { ActiveExemplarFilter } from './internal/exemplars/types.js';
import { createMetricReaders } from './internal/metric-reader.js';
import { createMetricsHandle } from './internal/metrics-handle.js';
import { assertCardinalityLimit, toSdkViews } from './internal/views.js';
import type { InitMeterProviderOptions, MetricsHandle } from './types.js';

/** The SDK's own default, applied explicitly so readers and views agree. */
const DEFAULT_CARDINALITY_LIMIT = 2000;

/** The exemplar filter, when the configured exporter writes exemplars and the filter keeps any. */
function exemplarFilterFor(metricsConfig: MetricsConfig): ActiveExemplarFilter | undefined {
  const { enabled, exemplarFilter, exporter } = metricsConfig;
  if (exemplarFilter === 'always_off' || !enabled) return undefined;
  return exporter.includes('otlp') || exporter.includes('prometheus') ? exemplarFilter : undefined;
}

/**
 * Builds a meter provider from the `metrics` configuration section: one reader per exporter
 * listed — a periodic OTLP export (`grpc`, `http/protobuf`, `http/json`) with the configured
 * temporality, a Prometheus pull endpoint, the console — or none. The handle's counts and
 * shutdown report are the OTLP exporter's. Does not register any global: pass `handle.provider` to
 * `metrics.setGlobalMeterProvider()` or use `handle.getMeter()`. With OTLP, the points of
 * counters, histograms, gauges and up-down counters recorded inside a sampled span (through the
 * Meter API of `handle.provider`, the global API once it is registered, or a
 * {@link MetricsRecorder}) carry exemplars with its trace and span id; with Prometheus, counters
 * and histogram buckets do, for a scraper that asks for OpenMetrics (see
 * `metricsConfig.exemplarFilter`). Between two collections a histogram series keeps its largest
 * and its latest such measurement; a counter, up-down counter or gauge series keeps one, drawn
 * uniformly from those made since the previous collection (the specification's
 * `SimpleFixedSizeExemplarReservoir` of size 1: the n-th replaces the kept one with probability
 * 1/n).
 *
 * Throws only for invalid options: `TelemetryConfigError` (from `@proc/telemetry-config`,
 * `validateMetricsConfig`) listing every invalid field of a hand-built `metricsConfig` with its
 * path and the accepted values (TLS files under `metrics.export.tls` that cannot be read, a
 * client key without its certificate, headers gRPC cannot send included: a section from
 * `loadConfig()` has none of those); an Error for invalid `views` or `cardinalityLimit`. Export
 * failures are reported through the OpenTelemetry diag logger and never reach the application.
 */
export function initMeterProvider(
  metricsConfig: MetricsConfig,
  resource?: Resource,
  options: InitMeterProviderOptions = {},
): MetricsHandle {
  validateMetricsConfig(metricsConfig);
  const cardinalityLimit = options.cardinalityLimit ?? DEFAULT_CARDINALITY_LIMIT;
  assertCardinalityLimit(cardinalityLimit, 'cardinalityLimit');
  const views = toSdkViews(options.views ?? [], cardinalityLimit);
  const filter = exemplarFilterFor(metricsConfig);
  const exemplars = filter === undefined ? undefined : createExemplarStore();
  const configured = createMetricReaders(metricsConfig, cardinalityLimit, exemplars);
  const readers: IMetricReader[] = [
    ...configured.map((each) => each.reader),
    ...(options.readers ?? []),
  ];
  const providerOptions =
    resource === undefined ? { views, readers } : { resource, views, readers };
  const provider =
    filter === undefined || exemplars === undefined
      ? new MeterProvider(providerOptions)
      : createExemplarMeterProvider(providerOptions, filter, exemplars);
  if (options.selfTelemetry === true) {
    for (const each of configured) each.recordSelfMetrics?.(provider);
  }
  return createMetricsHandle(provider, metricsConfig.exportTimeoutMillis, configured, {
    shutdownSummary: options.shutdownSummary ?? true,
  });
}

/**
 * Exports the last collection and stops the provider, within `timeoutMillis` (default: the
 * configured `exportTimeoutMillis`). Resolves even when the collector hangs, with the
 * `ShutdownReport` of the OTLP exporter (`undefined` for the others); a second call warns and
 * returns the first call's promise. Same as `handle.shutdown(options)`.
 */
export function shutdownMeterProvider(
  handle: MetricsHandle,
  options: TimeoutOptions = {},
): Promise<ShutdownReport | undefined> {
  return handle.shutdown(options);
}
