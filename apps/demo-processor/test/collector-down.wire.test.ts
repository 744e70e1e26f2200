import { createMetricsRecorder, initTelemetry, type TelemetryProviders } from '@proc/telemetry';
import { METRIC_NAMES } from '@proc/telemetry/semconv';
import { type OtlpReceiver, startOtlpReceiver } from '@proc/telemetry-testing';
import { demoTelemetryConfig } from '../src/demo-config.js';
import { createLogger } from '../src/logger.js';
import { runDemo } from '../src/run-demo.js';
import { createMemorySink } from '../src/sinks.js';
import { sumLatest } from './support/sum-points.js';

// The collector is down (nothing listens on its ports) while the processor runs: processing
// must go on, export failures must stay inside telemetry, and once the collector is back the
// processor's telemetry reaches it.
describe('the demo with the collector down', () => {
  let receiver: OtlpReceiver;
  let telemetry: TelemetryProviders;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    await receiver.stop(); // keeps its ports: restart() listens on them again
    telemetry = await initTelemetry({
      env: {},
      config: { ...demoTelemetryConfig({}, receiver.httpUrl), logLevel: 'none' },
      processor: { name: 'demo-processor' },
    });
  });

  afterAll(async () => {
    await telemetry?.shutdown();
    await receiver?.stop();
  });

  const run = (seed: number) =>
    runDemo({
      tracer: telemetry.tracer('@proc/demo-processor'),
      recorder: createMetricsRecorder({ meter: telemetry.meter('@proc/demo-processor') }),
      sink: createMemorySink(),
      logger: createLogger({ write: () => undefined }),
      maxMessages: 100,
      durationMillis: 0,
      ratePerSecond: 1000,
      pollIntervalMillis: 20,
      seed,
    });

  it('should keep processing, and deliver telemetry once the collector is back', async () => {
    const whileDown = await run(1);
    expect(whileDown.received).toBe(100);
    expect(whileDown.processed).toBeGreaterThan(0);
    // Exports fail now (connection refused); none of it reaches the app.
    await telemetry.forceFlush({ timeoutMillis: 5000 });
    expect(receiver.spans()).toEqual([]);

    await receiver.restart();
    const afterRestart = await run(2);
    expect(afterRestart.received).toBe(100);
    await telemetry.forceFlush({ timeoutMillis: 10_000 });

    const batches = await receiver.waitForSpans(afterRestart.batches, {
      name: 'process events',
      timeoutMs: 10_000,
    });
    expect(batches.length).toBeGreaterThanOrEqual(afterRestart.batches);
    // Cumulative counters lose nothing: the exports after the outage count both runs. (A retry
    // of an export from the outage may land after a newer one, hence the wait.)
    await receiver.waitForMetric(METRIC_NAMES.EVENTS_RECEIVED, {
      timeoutMs: 10_000,
      predicate: () => sumLatest(receiver, METRIC_NAMES.EVENTS_RECEIVED) === 200,
    });
  });
});
