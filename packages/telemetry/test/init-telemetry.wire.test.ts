import { context, SpanKind, trace } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { type OtlpReceiver, startOtlpReceiver } from '@proc/telemetry-testing';
import {
  createMetricsRecorder,
  extractFromHeaders,
  getBaggage,
  initTelemetry,
  injectIntoHeaders,
  SeverityNumber,
  setBaggage,
  spanBuilder,
  type TelemetryProviders,
  withContext,
  withSpan,
} from '../src/index.js';
import {
  ATTR_MESSAGING_MESSAGE_ID,
  ATTR_PROCESSOR_NAME,
  ATTR_PROCESSOR_PARTITIONS,
  ATTR_PROCESSOR_PIPELINE_ID,
  METRIC_ATTRIBUTES,
  METRIC_NAMES,
  SPAN_PROCESS_EVENT,
  SPAN_WINDOW_AGGREGATE,
} from '../src/semconv.js';
import { PROTOCOLS, receiverEnv } from './helpers/receiver-env.js';
import { resetGlobals } from './helpers/reset-globals.js';

const PROCESSOR = {
  name: 'order-enricher',
  pipelineId: 'orders',
  workerId: '3',
  partitions: [6, 7],
};

describe.each(PROTOCOLS)('initTelemetry over OTLP %s', (protocol) => {
  let receiver: OtlpReceiver;
  let telemetry: TelemetryProviders | undefined;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    receiver = await startOtlpReceiver();
  });

  afterAll(async () => {
    await receiver.stop();
    process.off('unhandledRejection', onUnhandled);
  });

  afterEach(async () => {
    await telemetry?.shutdown({ timeoutMillis: 5000 });
    telemetry = undefined;
    receiver.clear();
    resetGlobals();
    expect(unhandled).toEqual([]);
  });

  async function start(extraEnv: Record<string, string> = {}): Promise<TelemetryProviders> {
    telemetry = await initTelemetry({
      env: receiverEnv(receiver, protocol, extraEnv),
      processor: PROCESSOR,
    });
    return telemetry;
  }

  describe('initTelemetry', () => {
    it('should deliver spans from spanBuilder and withSpan and metrics from a recorder with the service resource', async () => {
      const t = await start();
      const traceId = spanBuilder(SPAN_PROCESS_EVENT)
        .kind(SpanKind.CONSUMER)
        .attribute(ATTR_MESSAGING_MESSAGE_ID, 'evt-1')
        .startActive((span) => {
          withSpan(SPAN_WINDOW_AGGREGATE, () => undefined);
          return span.spanContext().traceId;
        });
      const recorder = createMetricsRecorder({ commonAttributes: { 'pipeline.name': 'orders' } });
      recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED, 3, {
        [METRIC_ATTRIBUTES.EVENT_TYPE]: 'order',
      });

      await t.forceFlush();

      const spans = await receiver.waitForSpans(2, { traceId });
      const [root] = receiver.traceTree(traceId);
      expect(root!.span).toMatchObject({
        name: SPAN_PROCESS_EVENT,
        kind: SpanKind.CONSUMER,
        attributes: { [ATTR_MESSAGING_MESSAGE_ID]: 'evt-1' },
        protocol,
      });
      expect(root!.children.map((child) => child.span.name)).toEqual([SPAN_WINDOW_AGGREGATE]);
      for (const span of spans) {
        expect(span.resource).toMatchObject({
          'service.name': 'umbrella-wire-test',
          'service.instance.id': t.config.service.instanceId,
          [ATTR_PROCESSOR_NAME]: 'order-enricher',
          [ATTR_PROCESSOR_PIPELINE_ID]: 'orders',
          [ATTR_PROCESSOR_PARTITIONS]: [6, 7],
        });
      }
      expect(t.resource.attributes['service.instance.id']).toBe(t.config.service.instanceId);

      const [point] = await receiver.waitForMetric(METRIC_NAMES.EVENTS_PROCESSED, {
        predicate: (points) => points.some((p) => p.value === 3),
      });
      expect(point).toMatchObject({
        value: 3,
        attributes: { 'pipeline.name': 'orders', [METRIC_ATTRIBUTES.EVENT_TYPE]: 'order' },
        resource: {
          'service.name': 'umbrella-wire-test',
          [ATTR_PROCESSOR_NAME]: 'order-enricher',
        },
        protocol,
      });
    });

    it('should propagate context and baggage through headers with the registered W3C propagators', async () => {
      const t = await start();
      const tracer = t.tracer('wire');
      const producer = tracer.startSpan('produce', { kind: SpanKind.PRODUCER });
      const producerContext = setBaggage(trace.setSpan(context.active(), producer), {
        tenant: 'acme',
      });
      const headers = injectIntoHeaders(undefined, { context: producerContext });
      producer.end();
      expect(headers.traceparent).toBe(
        `00-${producer.spanContext().traceId}-${producer.spanContext().spanId}-01`,
      );
      expect(headers.baggage).toBe('tenant=acme');

      const extracted = extractFromHeaders(headers);
      const consumed = withContext(extracted, () => {
        expect(getBaggage()).toEqual([{ key: 'tenant', value: 'acme' }]);
        return spanBuilder('consume')
          .kind(SpanKind.CONSUMER)
          .startActive((span) => span);
      });

      await t.forceFlush();
      const traceId = producer.spanContext().traceId;
      await receiver.waitForSpans(2, { traceId });
      const [received] = receiver.spans({ name: 'consume' });
      expect(received).toMatchObject({
        traceId,
        parentSpanId: producer.spanContext().spanId,
        spanId: consumed.spanContext().spanId,
      });
    });

    it("should deliver log records of telemetry.logger() and the global logs API with the span's ids", async () => {
      const t = await start();
      const active = withSpan('handle', (span) => {
        t.logger('orders').emit({
          severityNumber: SeverityNumber.WARN,
          severityText: 'WARN',
          body: 'payment retried',
          attributes: { 'order.id': 'o-1' },
        });
        logs.getLogger('global').emit({ severityNumber: SeverityNumber.INFO, body: 'via the API' });
        return span.spanContext();
      });

      await t.forceFlush();
      const records = receiver.logs();
      expect(records).toHaveLength(2);
      const [warn, info] = records;
      expect(warn).toMatchObject({
        severityNumber: SeverityNumber.WARN,
        severityText: 'WARN',
        body: 'payment retried',
        attributes: { 'order.id': 'o-1' },
        traceId: active.traceId,
        spanId: active.spanId,
        scope: { name: 'orders' },
        resource: { 'service.name': 'umbrella-wire-test', [ATTR_PROCESSOR_NAME]: 'order-enricher' },
        protocol,
      });
      expect(info).toMatchObject({ body: 'via the API', traceId: active.traceId });
      expect(t.exportCounts().logs).toMatchObject({ emitted: 2, exported: 2, queued: 0 });
    });

    it('should keep the active span across await (AsyncLocalStorage context manager registered)', async () => {
      const t = await start();
      const traceId = await spanBuilder('batch').startActive(async (batch) => {
        await new Promise((resolve) => setImmediate(resolve));
        expect(trace.getActiveSpan()).toBe(batch);
        await withSpan('after-await', async () => {
          await Promise.resolve();
        });
        return batch.spanContext().traceId;
      });

      await t.forceFlush();
      await receiver.waitForSpans(2, { traceId });
      const [root, ...others] = receiver.traceTree(traceId);
      expect(others).toEqual([]);
      expect(root!.children.map((child) => child.span.name)).toEqual(['after-await']);
    });
  });

  describe('shutdown', () => {
    it('should deliver every span ended before it, the final metrics and a log just before it', async () => {
      const t = await start();
      const recorder = createMetricsRecorder();
      const made = 200;
      for (let i = 0; i < made; i += 1) {
        withSpan('event', () => recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED));
      }

      t.logger().emit({ severityNumber: SeverityNumber.INFO, body: 'stopping' });

      await t.shutdown({ timeoutMillis: 10_000 });

      expect(receiver.logs().map((record) => record.body)).toEqual(['stopping']);
      expect(receiver.spans({ name: 'event' })).toHaveLength(made);
      expect(receiver.metric(METRIC_NAMES.EVENTS_PROCESSED)).toEqual([
        expect.objectContaining({ value: made }),
      ]);
    });
  });
});
