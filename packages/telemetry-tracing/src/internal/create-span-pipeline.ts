import type { MeterProvider } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import {
  ConsoleSpanExporter,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import type { TraceConfig } from '@proc/telemetry-config';
import {
  createDeliveryQueue,
  createExportSelfMetrics,
  createOtlpSender,
  type DeliveryOutcome,
  type EncodedRequest,
} from '@proc/telemetry-otlp';
import {
  type BatchingSpanProcessor,
  createBatchingSpanProcessor,
} from './batching-span-processor.js';
import { encodeSpans } from './encode-spans.js';

/** The setting the first drop from a full queue names. */
const QUEUE_SIZE_OPTION = 'traces.batch.maxQueueSize (OTEL_BSP_MAX_QUEUE_SIZE)';

/** Where `traces.export` sits in the configuration; TLS errors and warnings name options below it. */
const OPTION_PATH = 'traces.export';

/**
 * OTLP: spans are encoded when their batch fills and queued as bytes for the configured
 * transport. With `meterProvider`, the processor and exporter record the SDK's health metrics
 * (`otel.sdk.processor.span.*`, `otel.sdk.exporter.span.*`) there.
 */
function otlpPipeline(config: TraceConfig, meterProvider?: MeterProvider): BatchingSpanProcessor {
  const sender = createOtlpSender(config.export, { signal: 'traces', optionPath: OPTION_PATH });
  const serializer = sender.encoding === 'json' ? JsonTraceSerializer : ProtobufTraceSerializer;
  let processor: BatchingSpanProcessor | undefined;
  const selfMetrics =
    meterProvider === undefined
      ? undefined
      : createExportSelfMetrics({
          meterProvider,
          signal: 'traces',
          protocol: config.export.protocol,
          queueCapacity: config.batch.maxQueueSize,
          read: () => processor?.selfMetricsCounts(),
        });
  processor = createBatchingSpanProcessor({
    batch: config.batch,
    queue: createDeliveryQueue<EncodedRequest>({
      signal: 'traces',
      deliver: (request) => sender.send(request),
      maxQueuedItems: config.batch.maxQueueSize,
      queueSizeOption: QUEUE_SIZE_OPTION,
      attemptTimeoutMillis: config.batch.exportTimeoutMillis,
      maxInFlight: config.export.maxConcurrentExports,
      retry: config.export.retry,
      ...(selfMetrics === undefined ? {} : { onExportConcluded: selfMetrics.onExportConcluded }),
    }),
    encode: (spans) => encodeSpans(spans, serializer),
    closeExporter: () => sender.shutdown(),
  });
  return processor;
}

/** Any `SpanExporter` (console, or one passed in code): batches are handed over as spans. */
function exporterPipeline(config: TraceConfig, exporter: SpanExporter): BatchingSpanProcessor {
  const deliver = (spans: ReadableSpan[]) =>
    new Promise<DeliveryOutcome>((resolve) => {
      exporter.export(spans, (result) =>
        resolve(
          result.code === ExportResultCode.SUCCESS
            ? { status: 'delivered' }
            : { status: 'failed', error: result.error },
        ),
      );
    });
  return createBatchingSpanProcessor({
    batch: config.batch,
    queue: createDeliveryQueue({
      signal: 'traces',
      deliver,
      maxQueuedItems: config.batch.maxQueueSize,
      queueSizeOption: QUEUE_SIZE_OPTION,
      attemptTimeoutMillis: config.batch.exportTimeoutMillis,
      maxInFlight: config.export.maxConcurrentExports,
      retry: config.export.retry,
    }),
    encode: (spans) => ({ payload: spans, items: spans.length, invalid: 0 }),
    closeExporter: () => exporter.shutdown(),
  });
}

/**
 * The exporting span processors `config` names, one per exporter listed (the OTLP one first:
 * its counts are the ones the handle reports), or none when nothing is exported (`enabled:
 * false`, an empty list or `none`, unless `exporter` is given).
 * @param exporter replaces the configured exporters.
 * @param meterProvider receives the SDK's health metrics of the OTLP export path.
 * @throws Error naming the option when a TLS file cannot be read.
 */
export function createSpanPipelines(
  config: TraceConfig,
  exporter?: SpanExporter,
  meterProvider?: MeterProvider,
): BatchingSpanProcessor[] {
  if (!config.enabled) return [];
  if (exporter) return [exporterPipeline(config, exporter)];
  // `none` wins over anything beside it, as loadConfig() reads it.
  if (config.exporter.includes('none')) return [];
  const names = [...new Set(config.exporter)].sort(
    (a, b) => Number(b === 'otlp') - Number(a === 'otlp'),
  );
  return names.map((name) =>
    name === 'otlp'
      ? otlpPipeline(config, meterProvider)
      : exporterPipeline(config, new ConsoleSpanExporter()),
  );
}
