import { createMetricsRecorder, initTelemetry, redactUrl } from '@proc/telemetry';
import type { OtlpReceiver, ReceiverUi } from '@proc/telemetry-testing';
import type { DemoCliOptions } from './cli-options.js';
import { demoTelemetryConfig, hasCollectorEndpoint } from './demo-config.js';
import { type DemoTerminal, type LiveView, startDemoUi, startLiveView } from './live-view.js';
import { receiverEndpoint, startLocalReceiver } from './local-receiver.js';
import { createLogger } from './logger.js';
import { type DemoRunResult, runDemo } from './run-demo.js';
import { createMemorySink } from './sinks.js';

/** Where the demo writes and what it reads. */
export interface DemoCliIo {
  env: Record<string, string | undefined>;
  write: (text: string) => void;
  /** Aborting stops producing; the run then drains, flushes and shuts telemetry down. */
  signal?: AbortSignal;
  /** Set when stdout is a terminal: the live view is then redrawn in place. */
  terminal?: DemoTerminal;
}

/** Deadline of the final telemetry shutdown. */
const SHUTDOWN_TIMEOUT_MILLIS = 5000;

/**
 * The whole demo: starts the in-process receiver when no collector is configured, initialises
 * telemetry, runs producer and processor, then shuts telemetry down (every ended span is
 * exported) before it prints the last summary and stops the receiver.
 */
export async function runDemoCli(options: DemoCliOptions, io: DemoCliIo): Promise<DemoRunResult> {
  let receiver: OtlpReceiver | undefined;
  let ui: ReceiverUi | undefined;
  if (!options.collector && !hasCollectorEndpoint(io.env)) {
    receiver = await startLocalReceiver();
    io.write(
      `No collector configured (OTEL_EXPORTER_OTLP_ENDPOINT unset): OTLP receiver in process at ` +
        `${receiver.httpUrl} (HTTP) and ${receiver.grpcUrl} (gRPC).\n`,
    );
    if (options.ui !== false) {
      ui = await startDemoUi(receiver, options.uiPort);
      io.write(`Web view of the traces, metrics and logs: ${ui.url}\n`);
    }
  }
  const endpoint =
    options.collector ??
    (receiver ? receiverEndpoint(receiver, io.env.OTEL_EXPORTER_OTLP_PROTOCOL) : undefined);
  const telemetry = await initTelemetry({
    config: demoTelemetryConfig(io.env, endpoint),
    env: io.env,
    processor: { name: 'demo-processor', pipelineId: 'demo', partitions: [0, 1, 2] },
    shutdownTimeoutMillis: SHUTDOWN_TIMEOUT_MILLIS,
  });
  const durationMillis = options.durationSeconds * 1000;
  const view: LiveView | undefined = receiver
    ? startLiveView({
        receiver,
        write: io.write,
        ...(io.terminal ? { terminal: io.terminal } : {}),
        ...(ui ? { uiUrl: ui.url } : {}),
        durationMillis,
        summaryIntervalMillis: options.summaryIntervalSeconds * 1000,
      })
    : undefined;
  const onAbort = () => view?.finishing('signal');
  io.signal?.addEventListener('abort', onAbort, { once: true });
  const produced =
    durationMillis > 0 ? setTimeout(() => view?.finishing('duration'), durationMillis) : undefined;
  // Every line also goes out as a log record, next to the spans and metrics.
  const logger = createLogger({
    write: (text) => (view ? view.write(text) : io.write(text)),
    records: telemetry.logger('@proc/demo-processor'),
  });
  // The endpoints are the raw values the exporters use: credentials in them stay out of the log.
  logger.info('telemetry exporting', {
    traces: redactUrl(telemetry.config.traces.export.endpoint),
    metrics: redactUrl(telemetry.config.metrics.export.endpoint),
    logs: redactUrl(telemetry.config.logs.export.endpoint),
    protocol: telemetry.config.traces.export.protocol,
  });
  const sink = createMemorySink();
  try {
    return await runDemo({
      tracer: telemetry.tracer('@proc/demo-processor'),
      // processor.name and processor.pipeline.id are on the resource already: no common
      // attributes needed on every point.
      recorder: createMetricsRecorder({ meter: telemetry.meter('@proc/demo-processor') }),
      sink,
      logger,
      ratePerSecond: options.rate,
      durationMillis,
      seed: options.seed,
      ...(io.signal ? { signal: io.signal } : {}),
    });
  } finally {
    clearTimeout(produced);
    io.signal?.removeEventListener('abort', onAbort);
    view?.finishing(io.signal?.aborted ? 'signal' : 'duration');
    // After the run every span has ended: shutdown() exports them and the last metrics, within
    // shutdownTimeoutMillis.
    await telemetry.shutdown();
    view?.close();
    if (ui && io.terminal && io.signal && !io.signal.aborted) {
      // Someone is watching: the web view stays up to look around in until Ctrl-C.
      io.write(`Run finished; the web view stays up at ${ui.url} — press Ctrl-C to exit.\n`);
      await new Promise<void>((resolve) =>
        io.signal!.addEventListener('abort', () => resolve(), { once: true }),
      );
    }
    await ui?.stop();
    await receiver?.stop();
  }
}
