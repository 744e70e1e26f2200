import type { MeterProvider } from '@opentelemetry/api';
import { JsonLogsSerializer, ProtobufLogsSerializer } from '@opentelemetry/otlp-transformer';
import type { LogRecordExporter, ReadableLogRecord } from '@opentelemetry/sdk-logs';
import type { LogsConfig } from '@proc/telemetry-config';
import { createSignalProcessors } from '@proc/telemetry-otlp';
import {
  type BatchingLogRecordProcessor,
  createBatchingLogRecordProcessor,
} from './batching-log-record-processor.js';
import { encodeLogRecords } from './encode-log-records.js';
import { sdkLogs } from './sdk-logs-module.js';

/**
 * The exporting log record processors `config` names, one per exporter listed (the OTLP one first:
 * its counts are the ones the handle reports), or none when nothing is exported (`enabled:
 * false`, an empty list or `none`, unless `exporter` is given): the shared export path of
 * `@proc/telemetry-otlp` (`createSignalProcessors()`) behind this package's
 * batching processor.
 * @param exporter replaces the configured exporters.
 * @param meterProvider receives the SDK's health metrics of the OTLP export path
 *   (`otel.sdk.processor.log.*`, `otel.sdk.exporter.log.*`).
 * @throws Error naming the option when a TLS file cannot be read.
 */
export function createLogPipelines(
  config: LogsConfig,
  exporter?: LogRecordExporter,
  meterProvider?: MeterProvider,
): BatchingLogRecordProcessor[] {
  return createSignalProcessors<ReadableLogRecord, BatchingLogRecordProcessor>(
    {
      signal: 'logs',
      section: config,
      queueSizeOption: 'logs.batch.maxQueueSize (OTEL_BLRP_MAX_QUEUE_SIZE)',
      encode: (records, encoding) =>
        encodeLogRecords(
          records,
          encoding === 'json' ? JsonLogsSerializer : ProtobufLogsSerializer,
        ),
      consoleExporter: () => new (sdkLogs().ConsoleLogRecordExporter)(),
      ...(exporter ? { exporter } : {}),
      ...(meterProvider ? { meterProvider } : {}),
    },
    (parts) => createBatchingLogRecordProcessor({ batch: config.batch, ...parts }),
  );
}
