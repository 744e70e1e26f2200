import { OTLPMetricExporter as GrpcMetricExporter } from '@opentelemetry/exporter-metrics-otlp-grpc';
import { OTLPMetricExporter as JsonMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtoMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import type { PushMetricExporter } from '@opentelemetry/sdk-metrics';
import type { ExportConfig, TemporalityPreference } from '@proc/telemetry-config';
import {
  createRetryingExporter,
  grpcTransportOptions,
  httpTransportOptions,
} from '@proc/telemetry-otlp';
import {
  createGrpcExemplarMetricExporter,
  createJsonExemplarMetricExporter,
  createProtoExemplarMetricExporter,
} from './exemplars/exemplar-metric-exporter.js';
import type { ExemplarStore } from './exemplars/exemplar-store.js';
import { otlpTemporalityPreference } from './temporality.js';

/** Where `metrics.export` sits in the configuration; TLS errors and warnings name options below it. */
const OPTION_PATH = 'metrics.export';

/**
 * The OTLP push exporter for `config.protocol`. Every transport setting comes from
 * `@proc/telemetry-otlp`, explicitly, so the exporters' own `OTEL_*` environment fallbacks never
 * apply for them: the configuration package is the one place the environment is read. The gRPC
 * exporter is wrapped so transient gRPC failures (e.g. UNAVAILABLE) are retried within the export
 * timeout, as the HTTP exporters retry theirs: a lost delta export cannot be recovered later.
 * With an exemplar store, the exporter is the same one built around a serializer that also
 * writes the store's exemplars (the SDK's serializers write none).
 * @throws Error naming the option when a TLS file cannot be read.
 */
export function createOtlpMetricExporter(
  config: ExportConfig,
  temporality: TemporalityPreference,
  exemplars?: ExemplarStore,
): PushMetricExporter {
  const temporalityPreference = otlpTemporalityPreference(temporality);
  const transport = { optionPath: OPTION_PATH };
  if (config.protocol === 'grpc') {
    const options = { ...grpcTransportOptions(config, transport), temporalityPreference };
    return createRetryingExporter(
      exemplars === undefined
        ? new GrpcMetricExporter(options)
        : createGrpcExemplarMetricExporter(options, exemplars),
      { budgetMillis: config.timeoutMillis },
    );
  }
  const options = { ...httpTransportOptions(config, transport), temporalityPreference };
  if (config.protocol === 'http/json') {
    return exemplars === undefined
      ? new JsonMetricExporter(options)
      : createJsonExemplarMetricExporter(options, exemplars);
  }
  return exemplars === undefined
    ? new ProtoMetricExporter(options)
    : createProtoExemplarMetricExporter(options, exemplars);
}
