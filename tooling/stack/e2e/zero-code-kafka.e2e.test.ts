import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { e2eStack } from '../src/e2e-stack.js';
import { collectorLogRecordsOf } from './support/collector-log-records.js';
import {
  parseLogRecordReport,
  parseSpanReport,
  uniqueServiceName,
} from './support/demo-process.js';
import { jaegerApi, OTLP_SPAN_KIND, type StoredSpan } from './support/jaeger-api.js';
import { pollUntil } from './support/poll.js';
import { prometheusApi } from './support/prometheus-api.js';

// An app with no telemetry code (e2e/fixtures/kafka-round-trip.mjs) started with
// `node --import @proc/telemetry/register` and OTEL_NODE_ENABLED_INSTRUMENTATIONS: it produces
// and consumes through the stack's real Kafka broker, calls an HTTP server per record and logs
// with pino. Everything goes through the real collector: the spans to Jaeger, the log records
// to its logs pipeline, the runtime, HTTP and messaging metrics to Prometheus.
const { ports, paths } = e2eStack();
const jaeger = jaegerApi(ports.jaegerQueryHttp);
const prometheus = prometheusApi(ports.prometheus);

const STACK_PACKAGE = path.join(__dirname, '..');
const APP = path.join(__dirname, 'fixtures', 'kafka-round-trip.mjs');
const MESSAGES = 5;

describe('an unmodified kafkajs app under @proc/telemetry/register', () => {
  const service = uniqueServiceName('e2e-zero-code-kafka');
  const topic = `${service}-orders`;
  let output: string;
  let spans: StoredSpan[];

  beforeAll(async () => {
    // Asynchronously, bounded: the app gives up by itself after 60 s, the timeout kills it after 120.
    const run = await promisify(execFile)(
      process.execPath,
      ['--import', '@proc/telemetry/register', APP],
      {
        cwd: STACK_PACKAGE,
        timeout: 120_000,
        env: {
          PATH: process.env.PATH,
          OTEL_SERVICE_NAME: service,
          OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${ports.collectorOtlpGrpc}`,
          OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
          OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'kafkajs,http,pino,runtime-node',
          OTEL_METRIC_EXPORT_INTERVAL: '1000',
          // The shutdown report line (spans ended, exported; log records emitted, exported).
          OTEL_LOG_LEVEL: 'info',
          ROUND_TRIP_BROKER: `127.0.0.1:${ports.kafka}`,
          ROUND_TRIP_TOPIC: topic,
          ROUND_TRIP_MESSAGES: String(MESSAGES),
          // kafkajs' notice that its default partitioner changed in 2.0.
          KAFKAJS_NO_PARTITIONER_WARNING: '1',
        },
      },
    );
    output = `${run.stdout}${run.stderr}`;
    const report = parseSpanReport(output);
    if (!report) throw new Error(`no shutdown report in the app's output:\n${output}`);
    expect(report.exported).toBe(report.ended);
    spans = await pollUntil(
      () => jaeger.spansOf(service),
      (s) => s.length >= report.exported,
    );
    expect(spans).toHaveLength(report.exported);
  });

  const ofKind = (kind: number, name: string) =>
    spans.filter((s) => s.kind === kind && s.name === name);
  /** The messaging attributes every span of `operation` (`send`, `process`) on the topic has. */
  const messaging = (operation: string) => ({
    'messaging.system': 'kafka',
    'messaging.destination.name': topic,
    'messaging.operation.type': operation,
    'messaging.operation.name': operation,
  });

  it('should make one producer span per record with the messaging semantic conventions', () => {
    const producers = ofKind(OTLP_SPAN_KIND.PRODUCER, `send ${topic}`);
    expect(producers).toHaveLength(MESSAGES);
    expect(producers.map((s) => s.attributes['messaging.kafka.message.key']).sort()).toEqual(
      Array.from({ length: MESSAGES }, (_, i) => `order-${i}`).sort(),
    );
    for (const span of producers) {
      expect(span.attributes).toMatchObject(messaging('send'));
      expect(span.parentSpanId).toBeUndefined();
      expect(span.resource['service.name']).toBe(service);
    }
  });

  it("should continue each producer's trace in its consumer span, through the record's headers", () => {
    const producers = new Map(
      ofKind(OTLP_SPAN_KIND.PRODUCER, `send ${topic}`).map((s) => [s.spanId, s]),
    );
    const consumers = ofKind(OTLP_SPAN_KIND.CONSUMER, `process ${topic}`);
    expect(consumers).toHaveLength(MESSAGES);
    for (const span of consumers) {
      expect(span.attributes).toMatchObject({
        ...messaging('process'),
        'messaging.destination.partition.id': expect.stringMatching(/^[01]$/),
        'messaging.kafka.offset': expect.any(String),
      });
      // The parent is the producer span of the same record: the traceparent header crossed
      // the broker.
      const producer = producers.get(span.parentSpanId ?? '');
      expect([producer?.traceId, producer?.attributes['messaging.kafka.message.key']]).toEqual([
        span.traceId,
        span.attributes['messaging.kafka.message.key'],
      ]);
    }
    expect(new Set(consumers.map((s) => s.parentSpanId)).size).toBe(MESSAGES);
  });

  it('should put the HTTP client and server spans of each record under its consumer span', () => {
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const servers = spans.filter((s) => s.kind === OTLP_SPAN_KIND.SERVER);
    expect(servers).toHaveLength(MESSAGES);
    for (const server of servers) {
      const client = byId.get(server.parentSpanId ?? '');
      expect(client?.kind).toBe(OTLP_SPAN_KIND.CLIENT);
      expect(byId.get(client?.parentSpanId ?? '')?.name).toBe(`process ${topic}`);
      expect(server.attributes).toMatchObject({
        'http.request.method': 'GET',
        'url.path': expect.stringMatching(/^\/orders\/order-\d+$/),
        'http.response.status_code': 200,
      });
      expect(client?.attributes).toMatchObject({
        'http.request.method': 'GET',
        'server.address': '127.0.0.1',
        'http.response.status_code': 200,
      });
    }
  });

  it("should bring pino's records through the collector's logs pipeline, in the consumer spans' traces", async () => {
    const report = parseLogRecordReport(output);
    expect(report?.exported).toBe(report?.emitted);
    const records = await pollUntil(
      async () => collectorLogRecordsOf(paths.collectorLogRecordsFile, service),
      (r) => r.length >= (report?.exported ?? 1),
    );
    expect(records).toHaveLength(report!.exported);
    const processed = records.filter((r) => r.body === 'order processed');
    expect(processed).toHaveLength(MESSAGES);
    const consumers = new Map(
      ofKind(OTLP_SPAN_KIND.CONSUMER, `process ${topic}`).map((s) => [s.spanId, s]),
    );
    for (const record of processed) {
      expect(record).toMatchObject({ severityNumber: 9, severityText: 'info', flags: 1 });
      const consumer = consumers.get(record.spanId ?? '');
      expect([consumer?.traceId, consumer?.attributes['messaging.kafka.message.key']]).toEqual([
        record.traceId,
        record.attributes['order.key'],
      ]);
      expect(record.attributes.status).toBe(200);
    }
    // Written outside any span: no ids.
    const sent = records.find((r) => r.body === 'orders sent');
    expect(sent).toMatchObject({ severityNumber: 9, attributes: { sent: MESSAGES } });
    expect(sent?.traceId).toBeUndefined();
  });

  it('should bring the runtime, HTTP and messaging metrics through the collector into Prometheus', async () => {
    const expected = [
      // runtime-node: heap, event loop time and delay.
      'v8js_memory_heap_used_bytes',
      'nodejs_eventloop_time_seconds_total',
      'nodejs_eventloop_delay_p99_seconds',
      // http: both sides' request durations (the stable HTTP semantic conventions).
      'http_server_request_duration_seconds_bucket',
      'http_client_request_duration_seconds_bucket',
      // kafkajs: records sent and consumed.
      'messaging_client_sent_messages_total',
      'messaging_client_consumed_messages_total',
    ];
    const names = await pollUntil(
      () => prometheus.seriesNames(`{job="${service}"}`),
      (n) => expected.every((name) => n.includes(name)),
    );
    expect(names).toEqual(expect.arrayContaining(expected));
    const heap = await prometheus.scalar(`sum(v8js_memory_heap_used_bytes{job="${service}"})`);
    expect(heap).toBeGreaterThan(0);
    const sent = await prometheus.scalar(
      `sum(messaging_client_sent_messages_total{job="${service}",messaging_destination_name="${topic}"})`,
    );
    const consumed = await prometheus.scalar(
      `sum(messaging_client_consumed_messages_total{job="${service}",messaging_destination_name="${topic}"})`,
    );
    const served = await prometheus.scalar(
      `sum(http_server_request_duration_seconds_count{job="${service}"})`,
    );
    expect([sent, consumed, served]).toEqual([MESSAGES, MESSAGES, MESSAGES]);
  });
});
