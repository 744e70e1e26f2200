import { setTimeout as sleep } from 'node:timers/promises';
import { e2eStack } from '../src/e2e-stack.js';
import { uniqueServiceName } from './support/demo-process.js';
import { jaegerApi, OTLP_SPAN_KIND } from './support/jaeger-api.js';
import { startKafkaDemo } from './support/kafka-demo-process.js';
import { pollUntil } from './support/poll.js';

// A worker is killed (SIGKILL: no shutdown, no leaving the group) while the demo runs on Kafka.
// The group gives its partitions to the surviving worker after the session timeout; the survivor
// resumes from the last committed offsets and its batch spans go on linking to the producer
// spans; and every span the killed worker had reported delivered is in Jaeger.
const { ports } = e2eStack();
const jaeger = jaegerApi(ports.jaegerQueryHttp);

describe('a worker killed while the demo runs on Kafka', () => {
  const service = uniqueServiceName('e2e-kafka-kill');
  const topic = `${service}-events`;

  it('should rebalance to the survivor, which keeps linking, and lose nothing the killed worker flushed', async () => {
    const demo = startKafkaDemo({
      ports,
      serviceName: service,
      topic,
      workers: 2,
      durationSeconds: 25,
    });
    // worker-2 is processing and has delivered spans.
    const progress = await pollUntil(
      async () => demo.processes().get('worker-2')?.last('worker progress'),
      (p) => (p?.spans_exported ?? 0) > 0 && (p?.batches ?? 0) > 5,
      { timeoutMillis: 60_000 },
    );
    expect(progress?.spans_exported).toBeGreaterThan(0);
    const pid = demo
      .processes()
      .get('producer')
      ?.last('worker process started worker=worker-2')?.pid;
    expect(pid).toEqual(expect.any(Number));
    // Its partitions before the kill.
    const before = demo
      .processes()
      .get('worker-2')!
      .lines.filter((l) => l.includes('partitions assigned'));
    const movedPartitions =
      new RegExp(`${topic.replace(/[.-]/g, '\\$&')}=([\\d,]+)`).exec(before.at(-1) ?? '')?.[1] ??
      '';
    process.kill(pid!, 'SIGKILL');
    const killedAt = Date.now();
    // What it had reported delivered when it died: its last progress line.
    await sleep(100);
    const lastReport = demo.processes().get('worker-2')!.last('worker progress')!;
    const run = await demo.done;

    // The producer process reports the killed worker and still waits for the group to commit
    // everything: the survivor took the partitions over.
    expect(run.code).toBe(1);
    // lag 0: the group committed every record, and a worker commits a chunk only after
    // processing it, so nothing produced was left unprocessed.
    expect(run.finished).toMatchObject({ lag: 0, workers: 2, workersFailed: 1 });
    const survivor = run.processes.get('worker-1')!;
    const assignments = survivor.lines.filter((l) => l.includes('partitions assigned'));
    expect(assignments.at(-1)).toMatch(new RegExp(`${topic}=0,1,2,3,4,5 `));
    expect(survivor.spans).toMatchObject({
      exported: survivor.spans!.ended,
      failed: 0,
      dropped: 0,
    });

    const producerSpans = run.processes.get('producer')!.spans!.exported;
    const expectedAtLeast = producerSpans + survivor.spans!.exported + lastReport.spans_exported!;
    const spans = await pollUntil(
      () => jaeger.spansOf(service),
      (s) => s.length >= expectedAtLeast,
    );
    const killedInstance = run.processes.get('worker-2')!.instanceId;
    const survivorInstance = survivor.instanceId;
    // Every span the killed worker had delivered is stored (it may have delivered more since).
    expect(
      spans.filter((s) => s.resource['service.instance.id'] === killedInstance).length,
    ).toBeGreaterThanOrEqual(lastReport.spans_exported!);

    // The survivor's batch spans link to stored producer spans, on the moved partitions too.
    const producers = new Map(
      spans.filter((s) => s.kind === OTLP_SPAN_KIND.PRODUCER).map((s) => [s.spanId, s.traceId]),
    );
    const survivorBatches = spans.filter(
      (s) =>
        s.name === `process ${topic}` && s.resource['service.instance.id'] === survivorInstance,
    );
    const moved = new Set(movedPartitions.split(',').filter(Boolean));
    expect(moved.size).toBeGreaterThan(0);
    const onMoved = survivorBatches.filter((s) =>
      moved.has(String(s.attributes['messaging.destination.partition.id'])),
    );
    expect(onMoved.length).toBeGreaterThan(0);
    for (const batch of survivorBatches) {
      expect(batch.links.length).toBe(batch.attributes['messaging.batch.message_count']);
      for (const link of batch.links) expect(producers.get(link.spanId)).toBe(link.traceId);
    }
    process.stdout.write(
      `worker killed: ${lastReport.spans_exported} spans reported delivered before the kill, ` +
        `${spans.filter((s) => s.resource['service.instance.id'] === killedInstance).length} stored; ` +
        `survivor took partitions ${[...moved].join(',')} over, ${onMoved.length} batches on them ` +
        `(${Math.round((Date.now() - killedAt) / 1000)} s after the kill)\n`,
    );
  });
});
