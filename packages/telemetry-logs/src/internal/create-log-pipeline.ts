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

/** OTLP: records are encoded when their batch fills and queued as bytes for the configured transport. */
function otlpPipeline(config: LogsConfig): BatchingLogRecordProcessor {
  const sender = createOtlpSender(config.export, { signal: 'logs', optionPath: OPTION_PATH });
  const serializer = sender.encoding === 'json' ? JsonLogsSerializer : ProtobufLogsSerializer;
  return createBatchingLogRecordProcessor({
    batch: config.batch,
    queue: createDeliveryQueue<EncodedRequest>({
      signal: 'logs',
      deliver: (request) => sender.send(request),
      maxQueuedItems: config.batch.maxQueueSize,
      attemptTimeoutMillis: config.batch.exportTimeoutMillis,
      maxInFlight: config.export.maxConcurrentExports,
    }),
    encode: (records) => encodeLogRecords(records, serializer),
    closeExporter: () => sender.shutdown(),
  });
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
      attemptTimeoutMillis: config.batch.exportTimeoutMillis,
      maxInFlight: config.export.maxConcurrentExports,
    }),
    encode: (records) => ({ payload: records, items: records.length, invalid: 0 }),
    closeExporter: () => exporter.shutdown(),
  });
}

/**
 * The exporting log record processor `config` names, or undefined when nothing is exported
 * (`enabled: false` or exporter `none`, unless `exporter` is given).
 * @param exporter replaces the configured exporter.
 * @throws Error naming the option when a TLS file cannot be read.
 */
export function createLogPipeline(
  config: LogsConfig,
  exporter?: LogRecordExporter,
): BatchingLogRecordProcessor | undefined {
  if (!config.enabled) return undefined;
  if (exporter) return exporterPipeline(config, exporter);
  switch (config.exporter) {
    case 'none':
      return undefined;
    case 'console':
      return exporterPipeline(config, new ConsoleLogRecordExporter());
    case 'otlp':
      return otlpPipeline(config);
  }
}
