import type { Attributes } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import type { OtlpProtocol } from '@proc/telemetry-config';
import * as sc from './semconv.js';
import type {
  DeliveryFailure,
  ExportSelfMetrics,
  ExportSelfMetricsOptions,
  OtlpSignal,
} from './types.js';

/** Per signal: the item as the SDK-metric names spell it, the exporter and processor types. */
const SIGNALS: Record<
  OtlpSignal,
  {
    item: string;
    exporters: Record<OtlpProtocol, string>;
    processor?: { type: string; size: string; capacity: string; processed: string };
    inflight: string;
    exported: string;
  }
> = {
  traces: {
    item: 'span',
    exporters: {
      grpc: sc.OTEL_COMPONENT_TYPE_VALUE_OTLP_GRPC_SPAN_EXPORTER,
      'http/protobuf': sc.OTEL_COMPONENT_TYPE_VALUE_OTLP_HTTP_SPAN_EXPORTER,
      'http/json': sc.OTEL_COMPONENT_TYPE_VALUE_OTLP_HTTP_JSON_SPAN_EXPORTER,
    },
    processor: {
      type: sc.OTEL_COMPONENT_TYPE_VALUE_BATCHING_SPAN_PROCESSOR,
      size: sc.METRIC_OTEL_SDK_PROCESSOR_SPAN_QUEUE_SIZE,
      capacity: sc.METRIC_OTEL_SDK_PROCESSOR_SPAN_QUEUE_CAPACITY,
      processed: sc.METRIC_OTEL_SDK_PROCESSOR_SPAN_PROCESSED,
    },
    inflight: sc.METRIC_OTEL_SDK_EXPORTER_SPAN_INFLIGHT,
    exported: sc.METRIC_OTEL_SDK_EXPORTER_SPAN_EXPORTED,
  },
  metrics: {
    item: 'metric_data_point',
    exporters: {
      grpc: sc.OTEL_COMPONENT_TYPE_VALUE_OTLP_GRPC_METRIC_EXPORTER,
      'http/protobuf': sc.OTEL_COMPONENT_TYPE_VALUE_OTLP_HTTP_METRIC_EXPORTER,
      'http/json': sc.OTEL_COMPONENT_TYPE_VALUE_OTLP_HTTP_JSON_METRIC_EXPORTER,
    },
    inflight: sc.METRIC_OTEL_SDK_EXPORTER_METRIC_DATA_POINT_INFLIGHT,
    exported: sc.METRIC_OTEL_SDK_EXPORTER_METRIC_DATA_POINT_EXPORTED,
  },
  logs: {
    item: 'log',
    exporters: {
      grpc: sc.OTEL_COMPONENT_TYPE_VALUE_OTLP_GRPC_LOG_EXPORTER,
      'http/protobuf': sc.OTEL_COMPONENT_TYPE_VALUE_OTLP_HTTP_LOG_EXPORTER,
      'http/json': sc.OTEL_COMPONENT_TYPE_VALUE_OTLP_HTTP_JSON_LOG_EXPORTER,
    },
    processor: {
      type: sc.OTEL_COMPONENT_TYPE_VALUE_BATCHING_LOG_PROCESSOR,
      size: sc.METRIC_OTEL_SDK_PROCESSOR_LOG_QUEUE_SIZE,
      capacity: sc.METRIC_OTEL_SDK_PROCESSOR_LOG_QUEUE_CAPACITY,
      processed: sc.METRIC_OTEL_SDK_PROCESSOR_LOG_PROCESSED,
    },
    inflight: sc.METRIC_OTEL_SDK_EXPORTER_LOG_INFLIGHT,
    exported: sc.METRIC_OTEL_SDK_EXPORTER_LOG_EXPORTED,
  },
};

/** The semantic conventions' buckets for durations in seconds (as for HTTP durations). */
const DURATION_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];

/** `otel.component.name` is `<type>/<n>`, `n` counting the instances of the type in this process. */
const instances = new Map<string, number>();
function component(type: string): Attributes {
  const n = instances.get(type) ?? 0;
  instances.set(type, n + 1);
  return { [sc.ATTR_OTEL_COMPONENT_TYPE]: type, [sc.ATTR_OTEL_COMPONENT_NAME]: `${type}/${n}` };
}

const FAILURES: readonly DeliveryFailure[] = [
  'rejected',
  'retries_exhausted',
  'timeout',
  'shutdown',
];

/**
 * The SDK's own health metrics for one signal's export path, named per the OpenTelemetry
 * semantic conventions for SDK metrics, on `meterProvider`: for spans and logs the processor's
 * queue size and capacity and what it processed (`error.type` `queue_full` for what a full queue
 * refused, `already_shutdown` for what ended after shutdown); for every signal the exporter's
 * items in flight, what it exported (failed ones with `error.type`: `rejected`,
 * `retries_exhausted`, `timeout`, `shutdown`) and `otel.sdk.exporter.operation.duration`.
 *
 * The counts are observed at collection (`read()` is called then), so nothing is added to the
 * hot path; only the duration is recorded, once per export, through `onExportConcluded`, which
 * the caller passes to `createDeliveryQueue()`.
 * https://opentelemetry.io/docs/specs/semconv/otel/sdk-metrics/
 */
export function createExportSelfMetrics(options: ExportSelfMetricsOptions): ExportSelfMetrics {
  const signal = SIGNALS[options.signal];
  const meter = options.meterProvider.getMeter('@proc/telemetry-otlp');
  const unit = `{${signal.item}}`;
  const exporter = component(signal.exporters[options.protocol]);
  const duration = meter.createHistogram(sc.METRIC_OTEL_SDK_EXPORTER_OPERATION_DURATION, {
    unit: 's',
    description: 'The duration of exporting a batch of telemetry records.',
    advice: { explicitBucketBoundaries: DURATION_BUCKETS },
  });
  const inflight = meter.createObservableUpDownCounter(signal.inflight, {
    unit,
    description: `The number of ${signal.item}s which were passed to the exporter, but that have not been exported yet (neither successful, nor failed).`,
  });
  const exported = meter.createObservableCounter(signal.exported, {
    unit,
    description: `The number of ${signal.item}s for which the export has finished, either successful or failed.`,
  });

  inflight.addCallback((result) => {
    const counts = options.read();
    if (counts) result.observe(counts.stats.exporting, exporter);
  });
  exported.addCallback((result) => {
    const counts = options.read();
    if (!counts) return;
    result.observe(counts.stats.delivered, exporter);
    for (const failure of FAILURES) {
      const items = counts.stats.failedBy[failure];
      if (items > 0) result.observe(items, { ...exporter, [ATTR_ERROR_TYPE]: failure });
    }
  });

  const processor = signal.processor;
  if (processor !== undefined && options.queueCapacity !== undefined) {
    const attributes = component(processor.type);
    const capacityValue = options.queueCapacity;
    const size = meter.createObservableUpDownCounter(processor.size, {
      unit,
      description: `The number of ${signal.item}s in the queue of a given instance of an SDK ${signal.item} processor.`,
    });
    const capacity = meter.createObservableUpDownCounter(processor.capacity, {
      unit,
      description: `The maximum number of ${signal.item}s the queue of a given instance of an SDK ${signal.item} processor can hold.`,
    });
    const processed = meter.createObservableCounter(processor.processed, {
      unit,
      description: `The number of ${signal.item}s for which the processing has finished, either successful or failed.`,
    });
    size.addCallback((result) => {
      const counts = options.read();
      if (counts)
        result.observe(Math.max(0, counts.stats.queued - counts.stats.exporting), attributes);
    });
    const capacityBytes = options.queueCapacityBytes;
    capacity.addCallback((result) => {
      const stats = capacityBytes === undefined ? undefined : options.read()?.stats;
      // A queue bounded by bytes holds as many items as fit, at the bytes per item seen so far.
      const value =
        capacityBytes === undefined || stats === undefined || stats.acceptedBytes === 0
          ? capacityValue
          : Math.floor((capacityBytes * stats.accepted) / stats.acceptedBytes);
      result.observe(value, attributes);
    });
    processed.addCallback((result) => {
      const counts = options.read();
      if (!counts) return;
      result.observe(counts.stats.started, attributes);
      const refused = [
        ['queue_full', counts.stats.dropped],
        ['already_shutdown', counts.alreadyShutdown ?? 0],
        ['invalid', counts.invalid ?? 0],
      ] as const;
      for (const [type, items] of refused) {
        if (items > 0) result.observe(items, { ...attributes, [ATTR_ERROR_TYPE]: type });
      }
    });
  }

  return {
    onExportConcluded(_items, durationMillis, failure) {
      duration.record(
        durationMillis / 1000,
        failure === undefined ? exporter : { ...exporter, [ATTR_ERROR_TYPE]: failure },
      );
    },
  };
}
