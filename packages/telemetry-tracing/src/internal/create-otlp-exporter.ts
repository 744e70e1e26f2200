import { OTLPTraceExporter as GrpcTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { BatchConfig, ExportConfig } from '@proc/telemetry-config';
import {
  createRetryingExporter,
  grpcTransportOptions,
  httpTransportOptions,
} from '@proc/telemetry-otlp';

/** Where `traces.export` sits in the configuration; TLS errors and warnings name options below it. */
const OPTION_PATH = 'traces.export';

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
 * Builds the OTLP span exporter for `config.protocol`: `grpc` → exporter-trace-otlp-grpc,
 * `http/protobuf` → exporter-trace-otlp-proto, `http/json` → exporter-trace-otlp-http. Every
 * transport setting comes from `@proc/telemetry-otlp`, explicitly, so the exporters' own
 * `OTEL_EXPORTER_OTLP_*` fallbacks do not apply (the config package has already read them). The
 * gRPC exporter is wrapped so transient gRPC failures are retried like the HTTP exporters retry
 * theirs.
 * @throws Error naming the option when a TLS file cannot be read.
 */
export function createOtlpExporter(config: ExportConfig, batch: BatchConfig): SpanExporter {
  const transport = { optionPath: OPTION_PATH, concurrencyLimit: concurrencyLimitFor(batch) };
  if (config.protocol === 'grpc') {
    return createRetryingExporter(new GrpcTraceExporter(grpcTransportOptions(config, transport)), {
      budgetMillis: config.timeoutMillis,
    });
  }
  const options = httpTransportOptions(config, transport);
  return config.protocol === 'http/json'
    ? new JsonTraceExporter(options)
    : new ProtoTraceExporter(options);
}
