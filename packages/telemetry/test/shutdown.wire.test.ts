import { DiagLogLevel } from '@opentelemetry/api';
import {
  installTestDiagLogger,
  type OtlpReceiver,
  startOtlpReceiver,
  waitFor,
} from '@proc/telemetry-testing';
import {
  createMetricsRecorder,
  initTelemetry,
  type TelemetryProviders,
  withSpan,
} from '../src/index.js';
import { METRIC_NAMES } from '../src/semconv.js';
import { registeredGlobals } from './helpers/globals.js';
import { PROTOCOLS, receiverEnv } from './helpers/receiver-env.js';
import { resetGlobals } from './helpers/reset-globals.js';
import { type SilentCollector, startSilentCollector } from './helpers/silent-collector.js';

/** Export timeout: six times the shutdown deadline of the hanging-collector test. */
const EXPORT_TIMEOUT = '3000';

/** The app's side of a processing loop: must never see a telemetry error. */
function processEvents(count: number): void {
  const recorder = createMetricsRecorder();
  for (let i = 0; i < count; i += 1) {
    withSpan('event', () => recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED));
  }
}

describe.each(PROTOCOLS)('TelemetryProviders.shutdown over OTLP %s', (protocol) => {
  let receiver: OtlpReceiver;
  let silent: SilentCollector;
  let telemetry: TelemetryProviders | undefined;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    receiver = await startOtlpReceiver();
    silent = await startSilentCollector(protocol);
  });

  afterAll(async () => {
    await silent.stop();
    await receiver.stop();
    process.off('unhandledRejection', onUnhandled);
  });

  afterEach(async () => {
    await telemetry?.shutdown({ timeoutMillis: 1000 });
    telemetry = undefined;
    if (receiver) await receiver.restart();
    receiver.clear();
    resetGlobals();
    expect(unhandled).toEqual([]);
  });

  it('should resolve with a complete report and log it as one info line when everything arrived', async () => {
    const logger = installTestDiagLogger({ logLevel: DiagLogLevel.INFO });
    // Without the SDK's health metrics, the app's one data point is all that is exported.
    telemetry = await initTelemetry({
      env: receiverEnv(receiver, protocol, { PROC_TELEMETRY_SELF_TELEMETRY_ENABLED: 'false' }),
    });
    processEvents(20);

    const report = await telemetry.shutdown({ timeoutMillis: 5000 });

    expect(report).toEqual({
      deadlineHit: false,
      complete: true,
      traces: expect.objectContaining({ exported: 20, failed: 0, complete: true }),
      metrics: expect.objectContaining({ exported: 1, complete: true }),
      logs: expect.objectContaining({ exported: 0, complete: true }),
    });
    const lines = logger.messages.filter((m) => /shutdown: /.test(m.text));
    expect(lines.map((m) => [m.level, m.text])).toEqual([
      [
        'info',
        '@proc/telemetry shutdown: spans 20 ended, 20 exported, 0 failed, 0 dropped (queue full), 0 still queued, 0 still open; metric data points 1 exported, 0 failed, 0 dropped (queue full), 0 still queued; log records 0 emitted, 0 exported, 0 failed, 0 dropped (queue full), 0 still queued',
      ],
    ]);
    await receiver.waitForSpans(20);
  });

  it('should resolve when the collector is down, and the app never sees an error', async () => {
    const logger = installTestDiagLogger();
    // Exports fail (and give up retrying) within 1 s, so none outlives the test.
    telemetry = await initTelemetry({
      env: receiverEnv(receiver, protocol, { OTEL_EXPORTER_OTLP_TIMEOUT: '1000' }),
    });
    await receiver.stop();

    expect(() => processEvents(20)).not.toThrow();
    await expect(telemetry.shutdown({ timeoutMillis: 5000 })).resolves.toMatchObject({
      complete: false,
      traces: { exported: 0 },
    });

    expect(logger.messages.some((m) => m.level === 'error' || m.level === 'warn')).toBe(true);
    expect(registeredGlobals()).toEqual(['diag']);
  });

  it('should resolve by its deadline when the collector accepts connections and never answers', async () => {
    const logger = installTestDiagLogger();
    telemetry = await initTelemetry({
      env: {
        ...receiverEnv(receiver, protocol),
        OTEL_EXPORTER_OTLP_ENDPOINT: silent.url,
        OTEL_EXPORTER_OTLP_TIMEOUT: EXPORT_TIMEOUT,
        OTEL_BSP_EXPORT_TIMEOUT: EXPORT_TIMEOUT,
        OTEL_METRIC_EXPORT_TIMEOUT: EXPORT_TIMEOUT,
      },
    });
    processEvents(20);

    const report = await telemetry.shutdown({ timeoutMillis: 500 });

    // Resolved while the exports were still waiting for an answer: the deadline ended it.
    expect(silent.waiting()).toBeGreaterThan(0);
    expect(logger.has('warn', /not finished within 500 ms|did not finish within 500 ms/)).toBe(
      true,
    );
    // Every span ended is accounted for at the deadline (regression: "may be lost" and no counts).
    const traces = telemetry.exportCounts().traces;
    expect(traces?.ended).toBeGreaterThan(0);
    expect(traces?.exported).toBe(0);
    expect(traces?.ended).toBe(
      (traces?.exported ?? 0) +
        (traces?.queued ?? 0) +
        (traces?.dropped ?? 0) +
        (traces?.failed ?? 0) +
        (traces?.invalid ?? 0),
    );
    // The report says the same, and the one shutdown line with it.
    expect(report).toMatchObject({
      deadlineHit: true,
      complete: false,
      traces: { exported: 0, dropped: { timeout: traces?.queued } },
      metrics: { exported: 0 },
    });
    expect(
      logger.has(
        'warn',
        new RegExp(
          `^@proc/telemetry shutdown: spans ${traces?.ended} ended, 0 exported, 0 failed, 0 dropped \\(queue full\\), ${traces?.queued} still queued, 0 still open; metric data points 0 exported, .*; not finished within 500 ms$`,
        ),
      ),
    ).toBe(true);
    expect(registeredGlobals()).toEqual(['diag']);
    // The abandoned exports give up at their own timeout and close their connections.
    await waitFor('the abandoned exports to give up', () => silent.waiting() === 0, {
      timeoutMs: 15_000,
    });
  });

  it('should send nothing and register nothing when OTEL_SDK_DISABLED=true', async () => {
    telemetry = await initTelemetry({
      env: receiverEnv(receiver, protocol, { OTEL_SDK_DISABLED: 'true' }),
    });
    expect(registeredGlobals()).toEqual([]);

    processEvents(20);
    await telemetry.forceFlush();
    await telemetry.shutdown();

    // A live SDK sends its flush to this receiver, so a flush through a live one arriving
    // proves nothing of the disabled one was in flight before it.
    const probe = await initTelemetry({ env: receiverEnv(receiver, protocol) });
    withSpan('probe', () => undefined);
    await probe.shutdown();
    await waitFor('the probe span', () => receiver.spans().length > 0);
    expect(receiver.spans().map((span) => span.name)).toEqual(['probe']);
    expect(receiver.metricPoints({ name: METRIC_NAMES.EVENTS_PROCESSED })).toEqual([]);
  });
});
