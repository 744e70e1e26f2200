import {
  JsonLogsSerializer,
  JsonMetricsSerializer,
  JsonTraceSerializer,
  ProtobufLogsSerializer,
  ProtobufMetricsSerializer,
  ProtobufTraceSerializer,
} from '@opentelemetry/otlp-transformer';
import { type Resource, resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { EncodedRequest, OtlpEncoding } from '@proc/telemetry-otlp';
import type { DoctorSignal } from '../types.js';

/** The instrumentation scope, span name, metric name and log body of every probe. */
export const PROBE_NAME = 'proc-telemetry doctor';
export const PROBE_METRIC = 'proc_telemetry.doctor.probe';

/** A reader that only collects when asked: the probe's one data point, nothing periodic. */
class OnDemandReader extends MetricReader {
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

function oneSpan(resource: Resource): ReadableSpan[] {
  const ended: ReadableSpan[] = [];
  const provider = new BasicTracerProvider({
    resource,
    spanProcessors: [
      {
        onStart: () => undefined,
        onEnd: (span) => ended.push(span),
        forceFlush: () => Promise.resolve(),
        shutdown: () => Promise.resolve(),
      },
    ],
  });
  provider.getTracer(PROBE_NAME).startSpan(PROBE_NAME).end();
  return ended;
}

async function onePoint(resource: Resource) {
  const reader = new OnDemandReader();
  const provider = new MeterProvider({ resource, readers: [reader] });
  provider
    .getMeter(PROBE_NAME)
    .createGauge(PROBE_METRIC, { description: 'A probe of proc-telemetry doctor.' })
    .record(1);
  const { resourceMetrics } = await reader.collect();
  await provider.shutdown();
  return resourceMetrics;
}

/** One log record, in the shape the OTLP log serializers read (`ReadableLogRecord`). */
function oneLogRecord(resource: Resource) {
  const now = Date.now();
  const time: [number, number] = [Math.floor(now / 1000), (now % 1000) * 1_000_000];
  return [
    {
      hrTime: time,
      hrTimeObserved: time,
      severityNumber: 9, // INFO
      severityText: 'INFO',
      body: PROBE_NAME,
      resource,
      instrumentationScope: { name: PROBE_NAME },
      attributes: {},
      droppedAttributesCount: 0,
    },
  ];
}

/**
 * One span, one gauge point or one log record for `signal`, encoded as the transport wants it
 * (protobuf for `grpc` and `http/protobuf`, JSON for `http/json`), with `service.name` set, so
 * the probe arrives where the app's telemetry would and can be told apart by its name.
 */
export async function probeRequest(
  signal: DoctorSignal,
  encoding: OtlpEncoding,
  serviceName: string,
): Promise<EncodedRequest> {
  const resource = resourceFromAttributes({ 'service.name': serviceName });
  const json = encoding === 'json';
  let body: Uint8Array | undefined;
  if (signal === 'traces') {
    const spans = oneSpan(resource);
    body = (json ? JsonTraceSerializer : ProtobufTraceSerializer).serializeRequest(spans);
  } else if (signal === 'metrics') {
    const metrics = await onePoint(resource);
    body = (json ? JsonMetricsSerializer : ProtobufMetricsSerializer).serializeRequest(metrics);
  } else {
    const records = oneLogRecord(resource);
    body = (json ? JsonLogsSerializer : ProtobufLogsSerializer).serializeRequest(records);
  }
  return { body: body ?? new Uint8Array(), items: 1 };
}
