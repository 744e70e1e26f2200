import type { MeterProvider } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import { JsonLogsSerializer, ProtobufLogsSerializer } from '@opentelemetry/otlp-transformer';
import {
  ConsoleLogRecordExporter,
  type LogRecordExporter,
  type ReadableLogRecord,
} from '@opentelemetry/sdk-logs';
import type { LogsConfig } from '@proc/telemetry-config';
import {
  createDeliveryQueue,
  createExportSelfMetrics,
  createOtlpSender,
  type DeliveryOutcome,
  type EncodedRequest,
} from '@proc/telemetry-otlp';
import {
  type BatchingLogRecordProcessor,
  createBatchingLogRecordProcessor,
} from './batching-log-record-processor.js';
import { encodeLogRecords } from './encode-log-records.js';

/** Where `logs.export` sits in the configuration; TLS errors and warnings name options below it. */
const OPTION_PATH = 'logs.export';

/** The setting the first drop from a full queue names. */
const QUEUE_SIZE_OPTION = 'logs.batch.maxQueueSize (OTEL_BLRP_MAX_QUEUE_SIZE)';

/**
 * OTLP: records are encoded when their batch fills and queued as bytes for the configured
 * transport. With `meterProvider`, the processor and exporter record the SDK's health metrics
 * (`otel.sdk.processor.log.*`, `otel.sdk.exporter.log.*`) there.
 */
function otlpPipeline(
  config: LogsConfig,
  meterProvider?: MeterProvider,
): BatchingLogRecordProcessor {
  const sender = createOtlpSender(config.export, { signal: 'logs', optionPath: OPTION_PATH });
  const serializer = sender.encoding === 'json' ? JsonLogsSerializer : ProtobufLogsSerializer;
  let processor: BatchingLogRecordProcessor | undefined;
  const selfMetrics =
    meterProvider === undefined
      ? undefined
      : createExportSelfMetrics({
          meterProvider,
          signal: 'logs',
          protocol: config.export.protocol,
          queueCapacity: config.batch.maxQueueSize,
          read: () => processor?.selfMetricsCounts(),
        });
  processor = createBatchingLogRecordProcessor({
    batch: config.batch,
    queue: createDeliveryQueue<EncodedRequest>({
      signal: 'logs',
      deliver: (request) => sender.send(request),
      maxQueuedItems: config.batch.maxQueueSize,
      queueSizeOption: QUEUE_SIZE_OPTION,
      attemptTimeoutMillis: config.batch.exportTimeoutMillis,
      maxInFlight: config.export.maxConcurrentExports,
      retry: config.export.retry,
      ...(selfMetrics === undefined ? {} : { onExportConcluded: selfMetrics.onExportConcluded }),
    }),
    encode: (records) => encodeLogRecords(records, serializer),
    closeExporter: () => sender.shutdown(),
  });
  return processor;
}

/** Any `LogRecordExporter` (console, or one passed in code): batches are handed over as records. */
function exporterPipeline(
  config: LogsConfig,
  exporter: LogRecordExporter,
): BatchingLogRecordProcessor {
  const deliver = (records: ReadableLogRecord[]) =>
    new Promise<DeliveryOutcome>((resolve) => {
      exporter.export(records, (result) =>
        resolve(
          result.code === ExportResultCode.SUCCESS
            ? { status: 'delivered' }
            : { status: 'failed', error: result.error },
        ),
      );
    });
  return createBatchingLogRecordProcessor({
    batch: config.batch,
    queue: createDeliveryQueue({
      signal: 'logs',
      deliver,
      maxQueuedItems: config.batch.maxQueueSize,
      queueSizeOption: QUEUE_SIZE_OPTION,
      attemptTimeoutMillis: config.batch.exportTimeoutMillis,
      maxInFlight: config.export.maxConcurrentExports,
      retry: config.export.retry,
    }),
    encode: (records) => ({ payload: records, items: records.length, invalid: 0 }),
    closeExporter: () => exporter.shutdown(),
  });
}

/**
 * The exporting log record processors `config` names, one per exporter listed (the OTLP one
 * first: its counts are the ones the handle reports), or none when nothing is exported
 * (`enabled: false`, an empty list or `none`, unless `exporter` is given).
 * @param exporter replaces the configured exporters.
 * @param meterProvider receives the SDK's health metrics of the OTLP export path.
 * @throws Error naming the option when a TLS file cannot be read.
 */
export function createLogPipelines(
  config: LogsConfig,
  exporter?: LogRecordExporter,
  meterProvider?: MeterProvider,
): BatchingLogRecordProcessor[] {
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
      : exporterPipeline(config, new ConsoleLogRecordExporter()),
  );
}
