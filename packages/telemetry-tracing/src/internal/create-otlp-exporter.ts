import { OTLPTraceExporter as GrpcTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import {
  createEmptyMetadata,
  createInsecureCredentials,
  createSslCredentials,
} from '@opentelemetry/otlp-grpc-exporter-base';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { BatchConfig, ExportConfig } from '@proc/telemetry-config';
import { logger } from './diag.js';
import { hasTlsMaterial, readTlsFiles, type TlsMaterial } from './read-tls-files.js';
import { isRetryableGrpcError, RetryingSpanExporter } from './retrying-span-exporter.js';

type HttpExporterConfig = NonNullable<ConstructorParameters<typeof ProtoTraceExporter>[0]>;
type GrpcExporterConfig = NonNullable<ConstructorParameters<typeof GrpcTraceExporter>[0]>;

/** The exporters' own default; the value is raised when a full queue needs more batches. */
const DEFAULT_CONCURRENCY_LIMIT = 30;

/**
 * At shutdown and on forceFlush the batch span processor sends every queued batch at once
 * (`ceil(queued / maxExportBatchSize)` exports) plus possibly one timer-driven export. The OTLP
 * exporters fail any export beyond their `concurrencyLimit` ("Concurrent export limit
 * reached"), which would silently lose spans from a full queue; so the limit covers a full queue.
 */
export function concurrencyLimitFor(batch: BatchConfig): number {
  return Math.max(
    DEFAULT_CONCURRENCY_LIMIT,
    Math.ceil(batch.maxQueueSize / batch.maxExportBatchSize) + 2,
  );
}

/**
 * gRPC transport security, decided from the endpoint as the OTLP exporter specification says:
 * `http://` is plaintext, `https://` is TLS, no scheme is TLS unless `insecure`.
 */
function grpcCredentials(endpoint: string, insecure: boolean, material: TlsMaterial) {
  const url = endpoint.trim().toLowerCase();
  const plaintext =
    url.startsWith('http://') || (!url.startsWith('https://') && !url.includes('://') && insecure);
  if (plaintext) {
    if (hasTlsMaterial(material)) {
      logger.warn(`TLS files are ignored for the plaintext gRPC endpoint ${endpoint}`);
    }
    return createInsecureCredentials();
  }
  return createSslCredentials(material.ca, material.key, material.cert);
}

function grpcMetadata(headers: Record<string, string>) {
  const metadata = createEmptyMetadata();
  for (const [key, value] of Object.entries(headers)) metadata.set(key, value);
  return metadata;
}

/**
 * Builds the OTLP span exporter for `config.protocol`: `grpc` → exporter-trace-otlp-grpc,
 * `http/protobuf` → exporter-trace-otlp-proto, `http/json` → exporter-trace-otlp-http. Every
 * setting is passed explicitly, so the exporters' own `OTEL_EXPORTER_OTLP_*` fallbacks do not
 * apply (the config package has already read them). The gRPC exporter is wrapped so transient
 * gRPC failures are retried like the HTTP exporters retry theirs.
 */
export function createOtlpExporter(config: ExportConfig, batch: BatchConfig): SpanExporter {
  const material = readTlsFiles(config.tls);
  const concurrencyLimit = concurrencyLimitFor(batch);
  if (config.protocol === 'grpc') {
    const options: GrpcExporterConfig = {
      url: config.endpoint,
      credentials: grpcCredentials(config.endpoint, config.tls.insecure, material),
      metadata: grpcMetadata(config.headers),
      compression: config.compression as GrpcExporterConfig['compression'],
      timeoutMillis: config.timeoutMillis,
      concurrencyLimit,
    };
    return new RetryingSpanExporter(new GrpcTraceExporter(options), isRetryableGrpcError, {
      budgetMillis: config.timeoutMillis,
    });
  }
  if (hasTlsMaterial(material) && !config.endpoint.trim().toLowerCase().startsWith('https://')) {
    logger.warn(`TLS files are ignored for the plaintext endpoint ${config.endpoint}`);
  }
  const options: HttpExporterConfig = {
    url: config.endpoint,
    headers: { ...config.headers },
    compression: config.compression as HttpExporterConfig['compression'],
    timeoutMillis: config.timeoutMillis,
    concurrencyLimit,
    // Always set, so the exporter does not fall back to OTEL_EXPORTER_OTLP_CERTIFICATE & co.
    httpAgentOptions: { keepAlive: true, ...material },
  };
  return config.protocol === 'http/json'
    ? new JsonTraceExporter(options)
    : new ProtoTraceExporter(options);
}
