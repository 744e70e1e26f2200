import { e2eStack } from '../src/e2e-stack.js';
import { uniqueServiceName } from './support/demo-process.js';
import { jaegerApi, OTLP_SPAN_KIND, type StoredSpan } from './support/jaeger-api.js';
import { type KafkaDemoRun, startKafkaDemo } from './support/kafka-demo-process.js';
import { pollUntil } from './support/poll.js';
import { prometheusApi } from './support/prometheus-api.js';

// `pnpm demo --broker kafka://… --workers 2` against the stack: a producer process and two
// worker processes in one consumer group on the real broker, every process exporting to the
// collector. What Jaeger and Prometheus hold at the end is compared with what each process
// reported.
const { ports } = e2eStack();
const jaeger = jaegerApi(ports.jaegerQueryHttp);
const prometheus = prometheusApi(ports.prometheus);

describe('the demo on Kafka: a producer process and two workers in one group', () => {
  const service = uniqueServiceName('e2e-kafka');
  const topic = `${service}-events`;
  let run: KafkaDemoRun;
  let spans: StoredSpan[];
  let exported: number;

  beforeAll(async () => {
    run = await startKafkaDemo({
      ports,
      serviceName: service,
      topic,
      workers: 2,
      durationSeconds: 10,
    }).done;
    exported = [...run.processes.values()].reduce((n, p) => n + (p.spans?.exported ?? 0), 0);
    spans = await pollUntil(
      () => jaeger.spansOf(service),
      (s) => s.length >= exported,
    );
  });

  const instanceOf = (name: string) => run.processes.get(name)?.instanceId;
  const ofTopic = (s: StoredSpan) => s.attributes['messaging.destination.name'] === topic;

  it('should end cleanly, every record committed by the group and every span exported', () => {
    expect(run.code).toBe(0);
    expect(run.finished).toMatchObject({ lag: 0, workers: 2, workersFailed: 0 });
    expect(run.finished.produced).toBeGreaterThan(200);
    // At least once: every record was received (a rebalance may deliver one twice).
    expect(run.finished.received).toBeGreaterThanOrEqual(run.finished.produced!);
    for (const name of ['producer', 'worker-1', 'worker-2']) {
      const counts = run.processes.get(name)?.spans;
      expect([name, counts?.ended]).toEqual([name, expect.any(Number)]);
      expect([name, counts]).toEqual([
        name,
        expect.objectContaining({
          exported: counts!.ended,
          queued: 0,
          dropped: 0,
          failed: 0,
          open: 0,
        }),
      ]);
    }
    expect(new Set(['producer', 'worker-1', 'worker-2'].map(instanceOf)).size).toBe(3);
  });

  it('should store in Jaeger exactly the spans the three processes made (made = stored)', () => {
    expect(new Set(spans.map((s) => s.spanId)).size).toBe(spans.length);
    expect(spans.length).toBe(exported);
  });

  it('should make the producer spans in the producer process, one per record, with messaging.* attributes', () => {
    const producers = spans.filter((s) => s.kind === OTLP_SPAN_KIND.PRODUCER && ofTopic(s));
    expect(producers).toHaveLength(run.finished.produced!);
    for (const span of producers) {
      expect(span.name).toBe(`send ${topic}`);
      expect(span.resource['service.instance.id']).toBe(instanceOf('producer'));
      expect(span.parentSpanId).toBeUndefined();
      expect(span.attributes).toMatchObject({
        'messaging.system': 'kafka',
        'messaging.destination.name': topic,
        'messaging.operation.type': 'send',
        'messaging.destination.partition.id': expect.stringMatching(/^[0-5]$/),
        'messaging.kafka.offset': expect.any(Number),
      });
    }
  });

  it('should link every batch span, in a worker process, to the producer span of each of its records', () => {
    const producers = new Map(
      spans
        .filter((s) => s.kind === OTLP_SPAN_KIND.PRODUCER && ofTopic(s))
        .map((s) => [s.spanId, s]),
    );
    const batches = spans.filter((s) => s.name === `process ${topic}`);
    expect(batches.length).toBeGreaterThan(0);
    const linked = new Set<string>();
    const workerInstances = new Set([instanceOf('worker-1'), instanceOf('worker-2')]);
    const byWorker = new Map<unknown, number>();
    for (const batch of batches) {
      expect(batch.kind).toBe(OTLP_SPAN_KIND.CONSUMER);
      expect(workerInstances.has(batch.resource['service.instance.id'] as string)).toBe(true);
      byWorker.set(
        batch.resource['service.instance.id'],
        (byWorker.get(batch.resource['service.instance.id']) ?? 0) + 1,
      );
      expect(batch.attributes).toMatchObject({
        'messaging.system': 'kafka',
        'messaging.destination.name': topic,
        'messaging.operation.type': 'process',
        'messaging.consumer.group.name': `${topic}-group`,
        'messaging.destination.partition.id': expect.stringMatching(/^[0-5]$/),
      });
      const count = batch.attributes['messaging.batch.message_count'] as number;
      expect(count).toBeLessThanOrEqual(128);
      expect(batch.links).toHaveLength(count);
      for (const link of batch.links) {
        const producer = producers.get(link.spanId);
        // Cross-process: the link names a span the producer process made, in its own trace.
        expect(producer?.traceId).toBe(link.traceId);
        expect(producer?.resource['service.instance.id']).not.toBe(
          batch.resource['service.instance.id'],
        );
        // The link's partition is the batch's, its offset the producer span's.
        expect(link.attributes['messaging.destination.partition.id']).toBe(
          batch.attributes['messaging.destination.partition.id'],
        );
        expect(link.attributes['messaging.kafka.offset']).toBe(
          producer?.attributes['messaging.kafka.offset'],
        );
        linked.add(link.spanId);
      }
    }
    // Every record's producer span is linked; the partitions were spread over both workers.
    expect(linked.size).toBe(producers.size);
    expect(byWorker.size).toBe(2);
  });

  it('should have each worker count its own processor.* series in Prometheus (instance = the worker)', async () => {
    const expected = Object.fromEntries(
      ['worker-1', 'worker-2'].map((name) => [
        instanceOf(name),
        run.processes.get(name)!.last('worker finished')!.received,
      ]),
    );
    const query = `sum by (instance) (processor_events_received_total{job="${service}"})`;
    const seen = await pollUntil(
      async () =>
        Object.fromEntries(
          (await prometheus.query(query)).map((s) => [s.metric.instance, Number(s.value[1])]),
        ),
      (s) =>
        JSON.stringify(Object.entries(s).sort()) ===
        JSON.stringify(Object.entries(expected).sort()),
    );
    expect(seen).toEqual(expected);
    const batches = await prometheus.query(
      `sum by (instance) (processor_processing_duration_seconds_count{job="${service}"})`,
    );
    expect(batches.map((s) => s.metric.instance).sort()).toEqual(Object.keys(expected).sort());
  });
});
