import { setTimeout as sleep } from 'node:timers/promises';
import { e2eStack } from '../src/e2e-stack.js';
import { startDemo, uniqueServiceName } from './support/demo-process.js';
import { jaegerApi } from './support/jaeger-api.js';
import { pollUntil } from './support/poll.js';
import { prometheusApi } from './support/prometheus-api.js';

// The collector stops (SIGTERM, as an orchestrator's rolling restart) while the demo runs and
// comes back a few seconds later. The app keeps processing, retries what it could not deliver,
// and at its shutdown reports every span by outcome: Jaeger must hold every span it reports
// exported, and the span counts must add up, so nothing is lost without being counted.
const stack = e2eStack();
const jaeger = jaegerApi(stack.ports.jaegerQueryHttp);
const prometheus = prometheusApi(stack.ports.prometheus);

/** How long the collector stays down: several of the demo's 1 s span exports fail meanwhile. */
const DOWN_MILLIS = 3000;

describe('a collector restarted while the demo runs', () => {
  const service = uniqueServiceName('e2e-restart');

  afterAll(async () => {
    // Whatever happened above, the next test file gets a running collector.
    await stack.startService('collector');
  });

  it('should lose no span and no count beyond what the app reports', async () => {
    const demo = startDemo({
      ports: stack.ports,
      protocol: 'grpc',
      serviceName: service,
      durationSeconds: 15,
    });
    // Spans are flowing: the first batch export has reached Jaeger.
    const before = await pollUntil(
      () => jaeger.spansOf(service),
      (s) => s.length > 0,
    );
    expect(before.length).toBeGreaterThan(0);
    await stack.stopService('collector');
    await sleep(DOWN_MILLIS);
    await stack.startService('collector');
    const run = await demo.done;

    // The outage was real for the app: an export failed, and was retried until it went through
    // (the delivery queue's diag lines, `traces: export failed (…); retrying in …` and
    // `traces: export recovered after N failed attempt(s)`).
    expect(run.output).toMatch(/traces: export failed \(/);
    expect(run.output).toMatch(/traces: export recovered after [1-9]\d* failed attempt/);

    const { spans: counts } = run;
    const lost =
      counts.failed +
      counts.dropped +
      counts.unencodable +
      counts.queued +
      counts.endedAfterShutdown;
    expect(counts.open).toBe(0);
    expect(counts.exported + lost).toBe(counts.ended);
    const stored = await pollUntil(
      () => jaeger.spansOf(service),
      (s) => new Set(s.map((x) => x.spanId)).size >= counts.exported,
    );
    // Every span reported exported is in Jaeger; a retried export may store a span twice.
    expect(new Set(stored.map((s) => s.spanId)).size).toBe(counts.exported);

    // Counters are cumulative: the first export after the restart carries the whole count.
    const received = await pollUntil(
      () => prometheus.scalar(`sum(processor_events_received_total{job="${service}"})`),
      (n) => n === run.stats.received,
    );
    expect(received).toBe(run.stats.received);
    process.stdout.write(
      `collector restart: spans ${counts.ended} ended, ${counts.exported} exported and stored, ` +
        `${lost} reported lost (${counts.failed} failed, ${counts.dropped} dropped)\n`,
    );
  });
});
