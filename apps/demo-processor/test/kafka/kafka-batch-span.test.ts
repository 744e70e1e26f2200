import { context, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { kafkaBatchSpan } from '../../src/kafka/kafka-batch-span.js';
import { toQueueMessage } from '../../src/kafka/kafka-record.js';
import type { QueueMessage } from '../../src/types.js';

describe('kafkaBatchSpan', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer('test');

  beforeEach(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    exporter.reset();
  });

  afterEach(() => {
    context.disable();
    propagation.disable();
  });

  /** Records as kafkajs hands them over: the producer's traceparent as a Buffer header. */
  const producerSpans = Array.from({ length: 3 }, (_, i) =>
    tracer.startSpan(`send events ${i}`, { kind: SpanKind.PRODUCER }, ROOT_CONTEXT),
  );
  const records: QueueMessage[] = producerSpans.map((span, i) => {
    const { traceId, spanId } = span.spanContext();
    return toQueueMessage('events', 2, {
      key: Buffer.from(`c-${i}`),
      value: Buffer.from('{}'),
      timestamp: '0',
      attributes: 0,
      offset: String(10 + i),
      headers: { traceparent: Buffer.from(`00-${traceId}-${spanId}-01`) },
    });
  });
  const defaults = { system: 'proc_demo_queue', destination: 'events', tracer };

  it('should link the batch span to every producer span read from the Buffer headers, with kafka attributes', () => {
    const start = kafkaBatchSpan({ topic: 'events', group: 'g', instrumented: false });
    start(records, defaults).span.end();
    const [batch] = exporter.getFinishedSpans();
    expect(batch!.name).toBe('process events');
    expect(batch!.kind).toBe(SpanKind.CONSUMER);
    expect(batch!.links.map((l) => l.context.spanId)).toEqual(
      producerSpans.map((s) => s.spanContext().spanId),
    );
    expect(batch!.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.destination.name': 'events',
      'messaging.consumer.group.name': 'g',
      'messaging.destination.partition.id': '2',
      'messaging.batch.message_count': 3,
    });
  });

  it("should start an internal span without links under the active span when the instrumentation's spans hold them", () => {
    const poll = tracer.startSpan('poll events', { kind: SpanKind.CLIENT }, ROOT_CONTEXT);
    const start = kafkaBatchSpan({ topic: 'events', group: 'g', instrumented: true });
    context.with(trace.setSpan(ROOT_CONTEXT, poll), () => start(records, defaults).span.end());
    const [batch] = exporter.getFinishedSpans();
    expect(batch!.name).toBe('processor.process_batch');
    expect(batch!.kind).toBe(SpanKind.INTERNAL);
    expect(batch!.links).toEqual([]);
    expect(batch!.parentSpanContext?.spanId).toBe(poll.spanContext().spanId);
    expect(batch!.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.batch.message_count': 3,
    });
  });
});
