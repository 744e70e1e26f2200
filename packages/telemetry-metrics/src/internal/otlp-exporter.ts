import type { MeterProvider } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import {
  type ISerializer,
  JsonMetricsSerializer,
  ProtobufMetricsSerializer,
} from '@opentelemetry/otlp-transformer';
import type { PushMetricExporter, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { ExportConfig, TemporalityPreference } from '@proc/telemetry-config';
import {
  createDeliveryQueue,
  createExportSelfMetrics,
  createOtlpSender,
  type EncodedRequest,
  type ExportSelfMetrics,
  encodedQueueBound,
} from '@proc/telemetry-otlp';
import type { MetricExportCounts } from '../types.js';
import { logger } from './diag.js';
import {
  createJsonExemplarSerializer,
  createProtobufExemplarSerializer,
} from './exemplars/exemplar-metrics-serializers.js';
import type { ExemplarStore } from './exemplars/exemplar-store.js';
import { temporalitySelector } from './temporality.js';

/** The OTLP push exporter, with the counts of what it delivered. */
export interface OtlpMetricExporter extends PushMetricExporter {
  exportCounts(): MetricExportCounts;
  /**
   * Records the SDK's health metrics of this export path (`otel.sdk.exporter.metric_data_point.*`,
   * `otel.sdk.exporter.operation.duration`) on `meterProvider`: the provider this exporter
   * exports for exists only once the exporter does, so it is attached afterwards.
   */
  recordSelfMetrics(meterProvider: MeterProvider): void;
}

/** Where `metrics.export` sits in the configuration; TLS errors and warnings name options below it. */
const OPTION_PATH = 'metrics.export';

/**
 * Data points waiting at most while the collector is down (exports in flight come on top). The
 * periodic reader adds one collection per interval, so this only bounds a long outage with a
 * short interval; cumulative totals lose nothing by a dropped collection.
 */
const MAX_QUEUED_POINTS = 100_000;

function countPoints(resourceMetrics: ResourceMetrics): number {
  let points = 0;
  for (const scope of resourceMetrics.scopeMetrics) {
    for (const metric of scope.metrics) points += metric.dataPoints.length;
  }
  return points;
}

/**
 * The OTLP push exporter for `config.protocol`: each collection is encoded at once (protobuf for
 * `grpc` and `http/protobuf`, JSON for `http/json`; with the store's exemplars when given) and
 * sent through `@proc/telemetry-otlp`'s delivery queue, so metrics get the same transport,
 * retries, in-flight limit and backoff as traces, and no `OTEL_*` variable is read past the
 * configuration. A lost delta export cannot be recovered later, so a transient failure is sent
 * again rather than dropped.
 * @throws Error naming the option when a TLS file cannot be read.
 */
export function createOtlpMetricExporter(
  config: ExportConfig,
  temporality: TemporalityPreference,
  exemplars?: ExemplarStore,
): OtlpMetricExporter {
  const sender = createOtlpSender(config, { signal: 'metrics', optionPath: OPTION_PATH });
  const serializer: ISerializer<ResourceMetrics, unknown> =
    sender.encoding === 'json'
      ? exemplars
        ? createJsonExemplarSerializer(exemplars)
        : JsonMetricsSerializer
      : exemplars
        ? createProtobufExemplarSerializer(exemplars)
        : ProtobufMetricsSerializer;
  let selfMetrics: ExportSelfMetrics | undefined;
  const queue = createDeliveryQueue<EncodedRequest>({
    signal: 'metrics',
    deliver: (request) => sender.send(request),
    maxQueuedItems: MAX_QUEUED_POINTS,
    // Only collections waiting through a long outage fill it: fewer of them wait with a longer
    // interval.
    queueSizeOption: 'metrics.exportIntervalMillis (OTEL_METRIC_EXPORT_INTERVAL)',
    ...encodedQueueBound('metrics', config),
    maxInFlight: config.maxConcurrentExports,
    retry: config.retry,
    onExportConcluded: (items, durationMillis, failure) =>
      selfMetrics?.onExportConcluded(items, durationMillis, failure),
  });
  let closed: Promise<void> | undefined;
  return {
    export(resourceMetrics, resultCallback) {
      let body: Uint8Array | undefined;
      try {
        body = serializer.serializeRequest(resourceMetrics);
      } catch (error) {
        logger.error('export: the collection could not be encoded', error);
      }
      if (body === undefined) {
        resultCallback({ code: ExportResultCode.FAILED, error: new Error('nothing to send') });
        return;
      }
      const items = countPoints(resourceMetrics);
      const accepted = queue.enqueue({ body, items }, items, (outcome) =>
        resultCallback(
          outcome.status === 'delivered'
            ? { code: ExportResultCode.SUCCESS }
            : { code: ExportResultCode.FAILED, error: toError(outcome.error) },
        ),
      );
      if (!accepted) {
        resultCallback({
          code: ExportResultCode.FAILED,
          error: new Error(
            `the export queue is full (at most ${MAX_QUEUED_POINTS} data points or ${config.maxQueueBytes} bytes waiting)`,
          ),
        });
      }
    },
    forceFlush: () => queue.flush(),
    // The reader has awaited its last export before it calls this, and the handle calls it when
    // a shutdown gave up: either way, stop retrying now and close once the attempt in flight ends.
    shutdown() {
      queue.close();
      closed ??= sender.shutdown();
      return closed;
    },
    selectAggregationTemporality: temporalitySelector(temporality),
    recordSelfMetrics(meterProvider) {
      selfMetrics ??= createExportSelfMetrics({
        meterProvider,
        signal: 'metrics',
        protocol: config.protocol,
        read: () => ({ stats: queue.stats() }),
      });
    },
    exportCounts() {
      const stats = queue.stats();
      return {
        exported: stats.delivered,
        failed: stats.failed,
        dropped: stats.dropped,
        queued: stats.queued,
        exportsInFlight: stats.inFlight,
        peakExportsInFlight: stats.peakInFlight,
      };
    },
  };
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
