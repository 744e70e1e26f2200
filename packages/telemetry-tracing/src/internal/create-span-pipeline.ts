import type { MeterProvider } from '@opentelemetry/api';
import {
  ConsoleSpanExporter,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import type { TraceConfig } from '@proc/telemetry-config';
import {
  createSignalProcessors,
  jsonSpanSerializer,
  protobufSpanSerializer,
} from '@proc/telemetry-otlp';
import {
  type BatchingSpanProcessor,
  createBatchingSpanProcessor,
} from './batching-span-processor.js';
import { encodeSpans } from './encode-spans.js';

/**
 * The exporting span processors `config` names, one per exporter listed (the OTLP one first:
 * its counts are the ones the handle reports), or none when nothing is exported (`enabled:
 * false`, an empty list or `none`, unless `exporter` is given): the shared export path of
 * `@proc/telemetry-otlp` (`createSignalProcessors()`) behind this package's
 * batching processor. Spans are encoded by `@proc/telemetry-otlp`'s own serializers, the same
 * bytes as the SDK's for less CPU: `protobufSpanSerializer` for http/protobuf and gRPC,
 * `jsonSpanSerializer` for http/json.
 * @param exporter replaces the configured exporters.
 * @param meterProvider receives the SDK's health metrics of the OTLP export path
 *   (`otel.sdk.processor.span.*`, `otel.sdk.exporter.span.*`).
 * @throws Error naming the option when a TLS file cannot be read.
 */
export function createSpanPipelines(
  config: TraceConfig,
  exporter?: SpanExporter,
  meterProvider?: MeterProvider,
): BatchingSpanProcessor[] {
  return createSignalProcessors<ReadableSpan, BatchingSpanProcessor>(
    {
      signal: 'traces',
      section: config,
      queueSizeOption: 'traces.batch.maxQueueSize (OTEL_BSP_MAX_QUEUE_SIZE)',
      encode: (spans, encoding) =>
        encodeSpans(spans, encoding === 'json' ? jsonSpanSerializer : protobufSpanSerializer),
      consoleExporter: () => new ConsoleSpanExporter(),
      ...(exporter ? { exporter } : {}),
      ...(meterProvider ? { meterProvider } : {}),
    },
    (parts) => createBatchingSpanProcessor({ batch: config.batch, ...parts }),
  );
}
