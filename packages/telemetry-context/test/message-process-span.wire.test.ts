import { context, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import type { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { type OtlpReceiver, startOtlpReceiver } from '@proc/telemetry-testing';
import { createPropagator } from '../src/create-propagator.js';
import { startMessageProcessSpan } from '../src/message-process-span.js';
import { produceTestRecords } from './support/test-records.js';
import { createTestTracerProvider } from './support/test-tracing.js';

describe('startMessageProcessSpan', () => {
  let receiver: OtlpReceiver;
  let producer: BasicTracerProvider;
  let consumer: BasicTracerProvider;
  const propagator = createPropagator(['tracecontext', 'baggage']);

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

  describe('over OTLP', () => {
    it('should make the producer span the parent by default', async () => {
      const { records, producerSpanIds } = produceTestRecords(
        producer.getTracer('producer'),
        1,
        propagator,
      );
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
      const { records, producerSpanIds } = produceTestRecords(
        producer.getTracer('producer'),
        1,
        propagator,
      );
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
