import type { MeterProvider } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import {
  ConsoleSpanExporter,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import type { TraceConfig } from '@proc/telemetry-config';
import { createSignalExport } from '@proc/telemetry-otlp';
import {
  type BatchingSpanProcessor,
  createBatchingSpanProcessor,
} from './batching-span-processor.js';
import { encodeSpans } from './encode-spans.js';

/**
 * The exporting span processor `config` names, or undefined when nothing is exported
 * (`enabled: false` or exporter `none`, unless `exporter` is given): the shared export path of
 * `@proc/telemetry-otlp` (`createSignalExport()`) behind this package's batching processor.
 * @param exporter replaces the configured exporter.
 * @param meterProvider receives the SDK's health metrics of the OTLP export path
 *   (`otel.sdk.processor.span.*`, `otel.sdk.exporter.span.*`).
 * @throws Error naming the option when a TLS file cannot be read.
 */
export function createSpanPipeline(
  config: TraceConfig,
  exporter?: SpanExporter,
  meterProvider?: MeterProvider,
): BatchingSpanProcessor | undefined {
  let processor: BatchingSpanProcessor | undefined;
  const parts = createSignalExport<ReadableSpan>({
    signal: 'traces',
    section: config,
    queueSizeOption: 'traces.batch.maxQueueSize (OTEL_BSP_MAX_QUEUE_SIZE)',
    encode: (spans, encoding) =>
      encodeSpans(spans, encoding === 'json' ? JsonTraceSerializer : ProtobufTraceSerializer),
    consoleExporter: () => new ConsoleSpanExporter(),
    ...(exporter ? { exporter } : {}),
    ...(meterProvider ? { meterProvider } : {}),
    readSelfMetrics: () => processor?.selfMetricsCounts(),
  });
  if (parts === undefined) return undefined;
  processor = createBatchingSpanProcessor({ batch: config.batch, ...parts });
  return processor;
}
