import { diag } from '@opentelemetry/api';
import { loadConfig } from '@proc/telemetry-config';
import { type OtlpReceiver, startOtlpReceiver, waitFor } from '@proc/telemetry-testing';
import { initTracerProvider, type TracingHandle } from '../src/index.js';
import type { Protocol } from './helpers/receiver-config.js';

const PROTOCOLS: Protocol[] = ['grpc', 'http/protobuf', 'http/json'];

// Retries as a deployment tunes them: PROC_TELEMETRY_RETRY_* through loadConfig(), against a
// receiver that fails on purpose. The export timeout is short so that, over HTTP, the SDK
// transport's own retry (about 1 s later) never fits in one attempt: each attempt counted at the
// receiver is one of the policy's.
describe.each(PROTOCOLS)('retries over OTLP %s', (protocol) => {
  let receiver: OtlpReceiver;
  let handle: TracingHandle | undefined;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });

  afterAll(async () => {
    await receiver.stop();
  });

  afterEach(async () => {
    receiver.failFor(0);
    receiver.failNext(0);
    await handle?.shutdown({ timeoutMillis: 2000 });
    handle = undefined;
    receiver.clear();
    diag.disable();
  });

  /** Starts tracing with `env` over the receiver's endpoint and ends three spans. */
  function start(env: Record<string, string>) {
    const config = loadConfig({
      env: {
        OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
        OTEL_EXPORTER_OTLP_ENDPOINT: protocol === 'grpc' ? receiver.grpcUrl : receiver.httpUrl,
        OTEL_EXPORTER_OTLP_TIMEOUT: '300',
        OTEL_TRACES_SAMPLER: 'always_on',
        ...env,
      },
    });
    handle = initTracerProvider(config.traces);
    const tracer = handle.getTracer('retries');
    for (let i = 0; i < 3; i++) tracer.startSpan(`retried-${i}`).end();
    return handle;
  }

  const requests = () => receiver.stats()[protocol].requests;

  it('should make exactly PROC_TELEMETRY_RETRY_MAX_ATTEMPTS attempts, then count the spans failed', async () => {
    receiver.failFor(60_000, { httpStatus: 503, grpcCode: 14 });
    const before = requests();
    const tracing = start({
      PROC_TELEMETRY_RETRY_MAX_ATTEMPTS: '3',
      PROC_TELEMETRY_RETRY_INITIAL_BACKOFF_MILLIS: '20',
      PROC_TELEMETRY_RETRY_MAX_BACKOFF_MILLIS: '40',
    });
    await tracing.forceFlush({ timeoutMillis: 10_000 });
    expect(tracing.exportCounts()).toMatchObject({ exported: 0, failed: 3, queued: 0 });
    expect(requests() - before).toBe(3);
  });

  it('should deliver once the collector answers again, within the attempts', async () => {
    receiver.failNext(2, { httpStatus: 503, grpcCode: 14 });
    const before = requests();
    const tracing = start({
      PROC_TELEMETRY_TRACES_RETRY_MAX_ATTEMPTS: '5',
      PROC_TELEMETRY_RETRY_INITIAL_BACKOFF_MILLIS: '20',
    });
    await tracing.forceFlush({ timeoutMillis: 10_000 });
    await receiver.waitForSpans(3);
    expect(tracing.exportCounts()).toMatchObject({ exported: 3, failed: 0 });
    expect(requests() - before).toBe(3);
  });

  it('should not retry past PROC_TELEMETRY_RETRY_BUDGET_MILLIS', async () => {
    receiver.failFor(60_000, { httpStatus: 503, grpcCode: 14 });
    const before = requests();
    // Attempt 2 starts 160-240 ms after the first; a third would start 480 ms or more after it.
    const tracing = start({
      PROC_TELEMETRY_RETRY_MAX_ATTEMPTS: '10',
      PROC_TELEMETRY_RETRY_INITIAL_BACKOFF_MILLIS: '200',
      PROC_TELEMETRY_RETRY_MAX_BACKOFF_MILLIS: '10000',
      PROC_TELEMETRY_RETRY_BUDGET_MILLIS: '450',
    });
    await tracing.forceFlush({ timeoutMillis: 10_000 });
    expect(tracing.exportCounts()).toMatchObject({ exported: 0, failed: 3 });
    expect(requests() - before).toBe(2);
  });

  it('should hold no more than PROC_TELEMETRY_MAX_QUEUE_BYTES_WHILE_FAILING while failing, the retry in flight included', async () => {
    receiver.failFor(60_000, { httpStatus: 503, grpcCode: 14 });
    const budget = 16_384;
    const before = requests();
    const tracing = start({
      OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '5',
      PROC_TELEMETRY_MAX_QUEUE_BYTES_WHILE_FAILING: String(budget),
      PROC_TELEMETRY_RETRY_MAX_ATTEMPTS: '1000',
      PROC_TELEMETRY_RETRY_INITIAL_BACKOFF_MILLIS: '5',
      PROC_TELEMETRY_RETRY_MAX_BACKOFF_MILLIS: '10',
    });
    const tracer = tracing.getTracer('retries');
    // A batch at a time, the loop yielding between them, so retries start while batches come:
    // each retry leaves the queue while in flight, and comes back when it fails.
    // What is held (waiting and in flight) between batches, once the first attempt has failed
    // (its retry has reached the receiver): the batches before it came under the full budget.
    let heldWhileFailing = 0;
    for (let batch = 0; batch < 300; batch++) {
      for (let i = 0; i < 5; i++) tracer.startSpan(`held-${batch}-${i}`).end();
      await new Promise((resolve) => setTimeout(resolve, 2));
      const held = tracing.exportCounts()?.queuedBytes ?? 0;
      if (requests() - before >= 2) heldWhileFailing = Math.max(heldWhileFailing, held);
    }
    const counts = tracing.exportCounts();
    expect(requests() - before).toBeGreaterThan(10); // retried, and answered 503 every time
    expect(counts?.exported).toBe(0);
    expect(counts?.dropped).toBeGreaterThan(0); // the budget was reached: it held the line
    expect(heldWhileFailing).toBeGreaterThan(0);
    expect(heldWhileFailing).toBeLessThanOrEqual(budget);
  });

  it('should not retry a final refusal whatever the attempts', async () => {
    receiver.failNext(1, { httpStatus: 400, grpcCode: 3 });
    const before = requests();
    const tracing = start({ PROC_TELEMETRY_RETRY_MAX_ATTEMPTS: '5' });
    await tracing.forceFlush({ timeoutMillis: 10_000 });
    await waitFor('the refusal', () => tracing.exportCounts()?.failed === 3);
    expect(requests() - before).toBe(1);
  });
});
