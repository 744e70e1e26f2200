import { SpanKind, trace } from '@opentelemetry/api';
import { AlwaysOffSampler, BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { ATTR_MESSAGING_MESSAGE_ID } from '@proc/telemetry-semconv';
import { startBatchProcessSpan } from '../src/batch-process-span.js';
import { createPropagator } from '../src/create-propagator.js';
import { produceTestRecords, type TestRecord } from './support/test-records.js';
import { useTestPipeline } from './support/test-tracing.js';

describe('startBatchProcessSpan', () => {
  const pipeline = useTestPipeline();
  const propagator = createPropagator(['tracecontext', 'baggage']);

  describe.each([false, true])('over OTLP, linksAfterSampling %s', (linksAfterSampling) => {
    it('should start one process span linked to every producer span', async () => {
      const { records, producerSpanIds } = produceTestRecords(
        pipeline.producer.getTracer('producer'),
        3,
        propagator,
      );
      const unrelated: TestRecord = { key: 'x', value: Buffer.from('no context'), headers: {} };
      const { span, context: processing } = startBatchProcessSpan([...records, unrelated], {
        system: 'kafka',
        destination: 'orders',
        tracer: pipeline.consumer.getTracer('consumer'),
        propagator,
        linkAttributes: (record) => ({ [ATTR_MESSAGING_MESSAGE_ID]: record.key }),
        linksAfterSampling,
      });
      expect(trace.getSpan(processing)).toBe(span);
      span.end();

      const producers = await pipeline.receiver.waitForSpans(3, { name: 'send orders' });
      const [batch] = await pipeline.receiver.waitForSpans(1, { name: 'process orders' });
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

  it('should not read a message of a batch the sampler drops, with linksAfterSampling', () => {
    const { records } = produceTestRecords(pipeline.producer.getTracer('producer'), 3, propagator);
    const dropping = new BasicTracerProvider({ sampler: new AlwaysOffSampler() });
    let headersRead = 0;
    const { span } = startBatchProcessSpan(records, {
      system: 'kafka',
      destination: 'orders',
      tracer: dropping.getTracer('consumer'),
      propagator,
      getHeaders: (record) => {
        headersRead++;
        return record.headers;
      },
      linksAfterSampling: true,
    });
    span.end();
    expect(span.isRecording()).toBe(false);
    expect(headersRead).toBe(0);
  });
});
