import type { MeterProvider } from '@opentelemetry/api';
import { JsonLogsSerializer, ProtobufLogsSerializer } from '@opentelemetry/otlp-transformer';
import {
  ConsoleLogRecordExporter,
  type LogRecordExporter,
  type ReadableLogRecord,
} from '@opentelemetry/sdk-logs';
import type { LogsConfig } from '@proc/telemetry-config';
import { createSignalExport } from '@proc/telemetry-otlp';
import {
  type BatchingLogRecordProcessor,
  createBatchingLogRecordProcessor,
} from './batching-log-record-processor.js';
import { encodeLogRecords } from './encode-log-records.js';

/**
 * The exporting log record processor `config` names, or undefined when nothing is exported
 * (`enabled: false` or exporter `none`, unless `exporter` is given): the shared export path of
 * `@proc/telemetry-otlp` (`createSignalExport()`) behind this package's batching processor.
 * @param exporter replaces the configured exporter.
 * @param meterProvider receives the SDK's health metrics of the OTLP export path
 *   (`otel.sdk.processor.log.*`, `otel.sdk.exporter.log.*`).
 * @throws Error naming the option when a TLS file cannot be read.
 */
export function createLogPipeline(
  config: LogsConfig,
  exporter?: LogRecordExporter,
  meterProvider?: MeterProvider,
): BatchingLogRecordProcessor | undefined {
  let processor: BatchingLogRecordProcessor | undefined;
  const parts = createSignalExport<ReadableLogRecord>({
    signal: 'logs',
    section: config,
    queueSizeOption: 'logs.batch.maxQueueSize (OTEL_BLRP_MAX_QUEUE_SIZE)',
    encode: (records, encoding) =>
      encodeLogRecords(records, encoding === 'json' ? JsonLogsSerializer : ProtobufLogsSerializer),
    consoleExporter: () => new ConsoleLogRecordExporter(),
    ...(exporter ? { exporter } : {}),
    ...(meterProvider ? { meterProvider } : {}),
    readSelfMetrics: () => processor?.selfMetricsCounts(),
  });
  if (parts === undefined) return undefined;
  processor = createBatchingLogRecordProcessor({ batch: config.batch, ...parts });
  return processor;
}
