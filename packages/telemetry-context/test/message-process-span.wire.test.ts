import { ROOT_CONTEXT } from '@opentelemetry/api';
import { createPropagator } from '../src/create-propagator.js';
import { startMessageProcessSpan } from '../src/message-process-span.js';
import { produceTestRecords } from './support/test-records.js';
import { useTestPipeline } from './support/test-tracing.js';

describe('startMessageProcessSpan', () => {
  const pipeline = useTestPipeline();
  const propagator = createPropagator(['tracecontext', 'baggage']);

  describe('over OTLP', () => {
    it('should make the producer span the parent by default', async () => {
      const { records, producerSpanIds } = produceTestRecords(
        pipeline.producer.getTracer('producer'),
        1,
        propagator,
      );
      const { span } = startMessageProcessSpan(records[0]!, {
        system: 'kafka',
        destination: 'orders',
        tracer: pipeline.consumer.getTracer('consumer'),
        propagator,
      });
      span.end();
      const [processed] = await pipeline.receiver.waitForSpans(1, { name: 'process orders' });
      expect(processed?.parentSpanId).toBe(producerSpanIds[0]);
      expect(processed?.links).toEqual([]);
    });

    it('should link to the producer span with producerRelation link', async () => {
      const { records, producerSpanIds } = produceTestRecords(
        pipeline.producer.getTracer('producer'),
        1,
        propagator,
      );
      const { span } = startMessageProcessSpan(records[0]!, {
        system: 'kafka',
        destination: 'orders',
        tracer: pipeline.consumer.getTracer('consumer'),
        propagator,
        producerRelation: 'link',
        context: ROOT_CONTEXT,
      });
      span.end();
      const [processed] = await pipeline.receiver.waitForSpans(1, { name: 'process orders' });
      expect(processed?.parentSpanId).toBeUndefined();
      expect(processed?.links.map((link) => link.spanId)).toEqual(producerSpanIds);
    });
  });
});
