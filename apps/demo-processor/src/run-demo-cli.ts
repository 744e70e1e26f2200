import { createMetricsRecorder, initTelemetry, redactUrl } from '@proc/telemetry';
import type { OtlpReceiver } from '@proc/telemetry-testing';
import type { DemoCliOptions } from './cli-options.js';
import { demoTelemetryConfig, hasCollectorEndpoint } from './demo-config.js';
import { renderLiveSummary } from './live-summary.js';
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
  if (!options.collector && !hasCollectorEndpoint(io.env)) {
    receiver = await startLocalReceiver();
    io.write(
      `No collector configured (OTEL_EXPORTER_OTLP_ENDPOINT unset): OTLP receiver in process at ` +
        `${receiver.httpUrl} (HTTP) and ${receiver.grpcUrl} (gRPC).\n`,
    );
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
  // Every line also goes out as a log record, next to the spans and metrics.
  const logger = createLogger({
    write: io.write,
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
  const summary = receiver
    ? setInterval(
        () => io.write(renderLiveSummary(receiver)),
        options.summaryIntervalSeconds * 1000,
      )
    : undefined;
  try {
    return await runDemo({
      tracer: telemetry.tracer('@proc/demo-processor'),
      // processor.name and processor.pipeline.id are on the resource already: no common
      // attributes needed on every point.
      recorder: createMetricsRecorder({ meter: telemetry.meter('@proc/demo-processor') }),
      sink,
      logger,
      ratePerSecond: options.rate,
      durationMillis: options.durationSeconds * 1000,
      seed: options.seed,
      ...(io.signal ? { signal: io.signal } : {}),
    });
  } finally {
    clearInterval(summary);
    // After the run every span has ended: shutdown() exports them and the last metrics, within
    // shutdownTimeoutMillis.
    await telemetry.shutdown();
    if (receiver) {
      io.write(renderLiveSummary(receiver));
      await receiver.stop();
    }
  }
}
