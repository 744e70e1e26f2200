import { ExportResultCode } from '@opentelemetry/core';
import { createOtlpSender } from './create-otlp-sender.js';
import { createDeliveryQueue } from './delivery-queue.js';
import { encodedQueueBound } from './encoded-queue-bound.js';
import { createExportSelfMetrics } from './export-self-metrics.js';
import type {
  DeliveryOutcome,
  EncodedRequest,
  ItemExporter,
  SignalExport,
  SignalExportOptions,
} from './types.js';

/** The queue options every signal's export path shares, from its section. */
function queueOptions<I>(options: SignalExportOptions<I>) {
  const { section } = options;
  return {
    signal: options.signal,
    attemptTimeoutMillis: section.batch.exportTimeoutMillis,
    maxInFlight: section.export.maxConcurrentExports,
    retry: section.export.retry,
  };
}

/**
 * OTLP: items are encoded when their batch fills and queued as bytes for the configured
 * transport. With `meterProvider`, the processor and exporter record the SDK's health metrics
 * (`otel.sdk.processor.<item>.*`, `otel.sdk.exporter.<item>.*`) there.
 */
function otlpExport<I>(options: SignalExportOptions<I>): SignalExport<I, EncodedRequest> {
  const { section, signal } = options;
  const sender = createOtlpSender(section.export, { signal, optionPath: `${signal}.export` });
  const selfMetrics =
    options.meterProvider === undefined
      ? undefined
      : createExportSelfMetrics({
          meterProvider: options.meterProvider,
          signal,
          protocol: section.export.protocol,
          queueCapacity: section.batch.maxQueueSize,
          queueCapacityBytes: section.export.maxQueueBytes,
          read: options.readSelfMetrics,
        });
  return {
    queue: createDeliveryQueue<EncodedRequest>({
      ...queueOptions(options),
      // Bounded by bytes, not by count: the items are objects only until their batch fills (at
      // most one batch of them), and a burst that never lets an export finish is held encoded.
      ...encodedQueueBound(signal, section.export),
      deliver: (request) => sender.send(request),
      ...(selfMetrics === undefined ? {} : { onExportConcluded: selfMetrics.onExportConcluded }),
    }),
    encode: (items) => options.encode(items, sender.encoding),
    closeExporter: () => sender.shutdown(),
  };
}

/** Any SDK exporter (console, or one passed in code): batches are handed over as items. */
function exporterExport<I>(
  options: SignalExportOptions<I>,
  exporter: ItemExporter<I>,
): SignalExport<I, I[]> {
  const deliver = (items: I[]) =>
    new Promise<DeliveryOutcome>((resolve) => {
      exporter.export(items, (result) =>
        resolve(
          result.code === ExportResultCode.SUCCESS
            ? { status: 'delivered' }
            : { status: 'failed', error: result.error },
        ),
      );
    });
  return {
    queue: createDeliveryQueue<I[]>({
      ...queueOptions(options),
      maxQueuedItems: options.section.batch.maxQueueSize,
      queueSizeOption: options.queueSizeOption,
      deliver,
    }),
    encode: (items) => ({ payload: items, items: items.length, invalid: 0 }),
    closeExporter: () => exporter.shutdown(),
  };
}

/**
 * The export half of a batching processor for one signal and one of its exporters (see
 * `signalExporters()`), from its config section: the bounded, retrying delivery queue, how a batch
 * is encoded for it and how its exporter is closed. A console exporter, or one passed in code,
 * gets batches as items; `otlp` sends them through `createOtlpSender()` in the encoding its
 * protocol needs. Spans and log records both go through it, so they queue, retry and count alike.
 * @throws Error naming the option (`<signal>.export.tls...`) when a TLS file cannot be read.
 */
export function createSignalExport<I>(options: SignalExportOptions<I>): SignalExport<I, unknown> {
  const { exporter } = options;
  if (exporter === 'otlp') return otlpExport(options);
  return exporterExport(options, exporter === 'console' ? options.consoleExporter() : exporter);
}
