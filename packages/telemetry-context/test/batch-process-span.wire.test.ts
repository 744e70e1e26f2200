import { context, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import type { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { type OtlpReceiver, startOtlpReceiver } from '@proc/telemetry-testing';
import { startBatchProcessSpan } from '../src/batch-process-span.js';
import { createPropagator } from '../src/create-propagator.js';
import { injectContext } from '../src/inject-context.js';
import { startMessageProcessSpan } from '../src/message-process-span.js';
import { ATTR_MESSAGING_MESSAGE_ID } from '../src/semconv.js';
import { createTestTracerProvider } from './support/test-tracing.js';

/** A Kafka-style record as a consumer receives it: header values are Buffers. */
interface KafkaRecord {
  key: string;
  value: Buffer;
  headers: Record<string, Buffer>;
}

describe('messaging helpers', () => {
  let receiver: OtlpReceiver;
  let producer: BasicTracerProvider;
  let consumer: BasicTracerProvider;
  const propagator = createPropagator(['tracecontext', 'baggage']);

  /** Each record is produced in its own trace, under a producer span, headers sent as Buffers. */
  function produce(count: number): { records: KafkaRecord[]; producerSpanIds: string[] } {
    const tracer = producer.getTracer('producer');
    const records: KafkaRecord[] = [];
    const producerSpanIds: string[] = [];
    for (let i = 0; i < count; i++) {
      const span = tracer.startSpan('send orders', { kind: SpanKind.PRODUCER }, ROOT_CONTEXT);
      const headers: Record<string, string | Buffer> = { 'content-type': Buffer.from('json') };
      injectContext(headers, trace.setSpan(ROOT_CONTEXT, span), { propagator });
      span.end();
      producerSpanIds.push(span.spanContext().spanId);
      records.push({
        key: `k${i}`,
        value: Buffer.from(`order ${i}`),
        headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v)])),
      });
    }
    return { records, producerSpanIds };
  }

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    producer = createTestTracerProvider('producer', receiver.httpUrl);
    consumer = createTestTracerProvider('consumer', receiver.httpUrl);
  });

  afterEach(() => {
    receiver.clear();
  });

  afterAll(async () => {
    await producer.shutdown();
    await consumer.shutdown();
    await receiver.stop();
    context.disable();
    propagation.disable();
    trace.disable();
  });

  describe('startBatchProcessSpan', () => {
    it('should start one process span linked to every producer span', async () => {
      const { records, producerSpanIds } = produce(3);
      const unrelated: KafkaRecord = { key: 'x', value: Buffer.from('no context'), headers: {} };
      const { span, context: processing } = startBatchProcessSpan([...records, unrelated], {
        system: 'kafka',
        destination: 'orders',
        tracer: consumer.getTracer('consumer'),
        propagator,
        linkAttributes: (record) => ({ [ATTR_MESSAGING_MESSAGE_ID]: record.key }),
      });
      expect(trace.getSpan(processing)).toBe(span);
      span.end();

      const producers = await receiver.waitForSpans(3, { name: 'send orders' });
      const [batch] = await receiver.waitForSpans(1, { name: 'process orders' });
      expect(batch?.kind).toBe(SpanKind.CONSUMER);
      expect(batch?.parentSpanId).toBeUndefined();
      expect(batch?.attributes).toMatchObject({
        'messaging.system': 'kafka',
        'messaging.operation.name': 'process',
        'messaging.operation.type': 'process',
        'messaging.destination.name': 'orders',
        'messaging.batch.message_count': 4,
      });
      expect(batch?.links).toEqual(
        records.map((record, i) => ({
          traceId: producers.find((p) => p.spanId === producerSpanIds[i])?.traceId,
          spanId: producerSpanIds[i],
          attributes: { 'messaging.message.id': record.key },
        })),
      );
      expect(new Set(batch?.links.map((link) => link.traceId)).size).toBe(3);
    });
  });

  describe('startMessageProcessSpan', () => {
    it('should make the producer span the parent by default', async () => {
      const { records, producerSpanIds } = produce(1);
      const { span } = startMessageProcessSpan(records[0]!, {
        system: 'kafka',
        destination: 'orders',
        tracer: consumer.getTracer('consumer'),
        propagator,
      });
      span.end();
      const [processed] = await receiver.waitForSpans(1, { name: 'process orders' });
      expect(processed?.parentSpanId).toBe(producerSpanIds[0]);
      expect(processed?.links).toEqual([]);
    });

    it('should link to the producer span with producerRelation link', async () => {
      const { records, producerSpanIds } = produce(1);
      const { span } = startMessageProcessSpan(records[0]!, {
        system: 'kafka',
        destination: 'orders',
        tracer: consumer.getTracer('consumer'),
        propagator,
        producerRelation: 'link',
        context: ROOT_CONTEXT,
      });
      span.end();
      const [processed] = await receiver.waitForSpans(1, { name: 'process orders' });
      expect(processed?.parentSpanId).toBeUndefined();
      expect(processed?.links.map((link) => link.spanId)).toEqual(producerSpanIds);
    });
  });
});
