import { e2eStack } from '../src/e2e-stack.js';
import { uniqueServiceName } from './support/demo-process.js';
import { jaegerApi, OTLP_SPAN_KIND } from './support/jaeger-api.js';
import { startKafkaDemo } from './support/kafka-demo-process.js';
import { pollUntil } from './support/poll.js';

// The demo on Kafka with the official @opentelemetry/instrumentation-kafkajs on as well, both
// ways it can be turned on: the demo's --instrument-kafkajs (with its producerHook), and
// OTEL_NODE_ENABLED_INSTRUMENTATIONS=kafkajs (initTelemetry() enables it, in the producer and in
// the workers, which inherit the variable). The instrumentation then makes the messaging spans
// and the demo's own processing spans fit under them: one producer span per record, no second
// batch span with the same links, and every parent and link names a span that is stored.
const { ports } = e2eStack();
const jaeger = jaegerApi(ports.jaegerQueryHttp);

const WAYS = [
  ['--instrument-kafkajs', { instrumentKafkajs: true }],
  [
    'OTEL_NODE_ENABLED_INSTRUMENTATIONS=kafkajs',
    { env: { OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'kafkajs' } },
  ],
] as const;

describe.each(WAYS)(
  'the demo on Kafka with @opentelemetry/instrumentation-kafkajs on by %s',
  (way, enable) => {
    const service = uniqueServiceName(`e2e-kafkajs-${way.startsWith('--') ? 'flag' : 'env'}`);
    const topic = `${service}-events`;

    it('should make one span per role, with no duplicated and no broken parents or links', async () => {
      const run = await startKafkaDemo({
        ports,
        serviceName: service,
        topic,
        workers: 1,
        durationSeconds: 5,
        ...enable,
      }).done;
      expect(run.code).toBe(0);
      const exported = [...run.processes.values()].reduce(
        (n, p) => n + (p.spans?.exported ?? 0),
        0,
      );
      const spans = await pollUntil(
        () => jaeger.spansOf(service),
        (s) => s.length >= exported,
      );
      expect(spans.length).toBe(exported);
      const byId = new Map(spans.map((s) => [s.spanId, s]));
      const ofTopic = spans.filter((s) => s.attributes['messaging.destination.name'] === topic);

      // One producer span per record: the instrumentation's, with the demo's attributes on it.
      const producers = ofTopic.filter((s) => s.kind === OTLP_SPAN_KIND.PRODUCER);
      expect(producers).toHaveLength(run.finished.produced!);
      for (const span of producers) {
        expect(span.name).toBe(`send ${topic}`);
        expect(span.parentSpanId).toBeUndefined();
        expect(
          span.attributes['messaging.message.id'] ?? span.attributes['messaging.kafka.message.key'],
        ).toEqual(expect.any(String));
      }
      // Per record one process span (the instrumentation's), linked to its producer span; no
      // batch span of the demo's with the same links besides.
      const consumers = ofTopic.filter((s) => s.kind === OTLP_SPAN_KIND.CONSUMER);
      const linkedProducers = consumers.flatMap((s) => s.links.map((l) => l.spanId));
      expect(consumers.every((s) => s.links.length === 1)).toBe(true);
      expect(new Set(linkedProducers).size).toBe(linkedProducers.length);
      expect(linkedProducers.sort()).toEqual(producers.map((p) => p.spanId).sort());
      // The demo's processing runs under the instrumentation's poll span.
      const batches = spans.filter((s) => s.name === 'processor.process_batch');
      expect(batches.length).toBeGreaterThan(0);
      for (const batch of batches)
        expect(byId.get(batch.parentSpanId!)?.name).toBe(`poll ${topic}`);
      // Nothing points at a span that does not exist.
      for (const span of spans) {
        if (span.parentSpanId)
          expect([span.name, byId.has(span.parentSpanId)]).toEqual([span.name, true]);
        for (const link of span.links)
          expect([span.name, byId.get(link.spanId)?.traceId]).toEqual([span.name, link.traceId]);
      }
    });
  },
);
