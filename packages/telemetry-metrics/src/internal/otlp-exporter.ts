import { OTLPMetricExporter as GrpcMetricExporter } from '@opentelemetry/exporter-metrics-otlp-grpc';
import { OTLPMetricExporter as JsonMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtoMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import type { PushMetricExporter } from '@opentelemetry/sdk-metrics';
import type { ExportConfig, TemporalityPreference } from '@proc/telemetry-config';
import { grpcCredentials, grpcMetadata } from './grpc-credentials.js';
import { otlpTemporalityPreference } from './temporality.js';
import { readTlsMaterial } from './tls-files.js';

type HttpExporterOptions = NonNullable<ConstructorParameters<typeof ProtoMetricExporter>[0]>;
type GrpcExporterOptions = NonNullable<ConstructorParameters<typeof GrpcMetricExporter>[0]>;

/**
 * The OTLP push exporter for `config.protocol`. Every setting is passed explicitly, so the
 * exporters' own `OTEL_*` environment fallbacks never apply for them: the configuration package
 * is the one place the environment is read.
 */
export function createOtlpMetricExporter(
  config: ExportConfig,
  temporality: TemporalityPreference,
): PushMetricExporter {
  const tls = readTlsMaterial(config.tls);
  const temporalityPreference = otlpTemporalityPreference(temporality);
  if (config.protocol === 'grpc') {
    const options: GrpcExporterOptions = {
      url: config.endpoint,
      timeoutMillis: config.timeoutMillis,
      temporalityPreference,
      metadata: grpcMetadata(config.headers),
      credentials: grpcCredentials(config.endpoint, config.tls, tls),
      compression: config.compression as GrpcExporterOptions['compression'],
    };
    return new GrpcMetricExporter(options);
  }
  const options: HttpExporterOptions = {
    url: config.endpoint,
    timeoutMillis: config.timeoutMillis,
    temporalityPreference,
    headers: { ...config.headers },
    compression: config.compression as HttpExporterOptions['compression'],
    // keepAlive is the exporters' default; passing agent options would otherwise drop it.
    httpAgentOptions: { keepAlive: true, ...tls },
  };
  return config.protocol === 'http/json'
    ? new JsonMetricExporter(options)
    : new ProtoMetricExporter(options);
}
