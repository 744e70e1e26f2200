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
import { otlpTemporalityPreference } from './temporality.js';

/** Where `metrics.export` sits in the configuration; TLS errors and warnings name options below it. */
const OPTION_PATH = 'metrics.export';

/**
 * The OTLP push exporter for `config.protocol`. Every transport setting comes from
 * `@proc/telemetry-otlp`, explicitly, so the exporters' own `OTEL_*` environment fallbacks never
 * apply for them: the configuration package is the one place the environment is read. The gRPC
 * exporter is wrapped so transient gRPC failures (e.g. UNAVAILABLE) are retried within the export
 * timeout, as the HTTP exporters retry theirs: a lost delta export cannot be recovered later.
 * @throws Error naming the option when a TLS file cannot be read.
 */
export function createOtlpMetricExporter(
  config: ExportConfig,
  temporality: TemporalityPreference,
): PushMetricExporter {
  const temporalityPreference = otlpTemporalityPreference(temporality);
  const transport = { optionPath: OPTION_PATH };
  if (config.protocol === 'grpc') {
    return createRetryingExporter(
      new GrpcMetricExporter({
        ...grpcTransportOptions(config, transport),
        temporalityPreference,
      }),
      { budgetMillis: config.timeoutMillis },
    );
  }
  const options = { ...httpTransportOptions(config, transport), temporalityPreference };
  return config.protocol === 'http/json'
    ? new JsonMetricExporter(options)
    : new ProtoMetricExporter(options);
}
