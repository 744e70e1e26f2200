import { createMetricsRecorder, initTelemetry } from '@proc/telemetry';
import type { OtlpReceiver } from '@proc/telemetry-testing';
import { demoTelemetryConfig } from '../../src/demo-config.js';
import { createLogger } from '../../src/logger.js';
import { type RunDemoOptions, runDemo } from '../../src/run-demo.js';
import { createMemorySink } from '../../src/sinks.js';

/**
 * Runs the demo for 200 messages with the real telemetry wiring, exporting over OTLP/HTTP to
 * `receiver`, with duplicates, late events and poison messages in the traffic; shuts telemetry
 * down afterwards, so everything has been exported when it resolves.
 */
export async function runBoundedDemo(
  receiver: OtlpReceiver,
  overrides: Pick<RunDemoOptions, 'maxMessages' | 'ratePerSecond' | 'pollIntervalMillis'> = {},
) {
  const telemetry = await initTelemetry({
    env: {},
    config: demoTelemetryConfig({}, receiver.httpUrl),
    processor: { name: 'demo-processor', pipelineId: 'test' },
  });
  const sink = createMemorySink();
  const logLines: string[] = [];
  try {
    const result = await runDemo({
      tracer: telemetry.tracer('@proc/demo-processor'),
      recorder: createMetricsRecorder({ meter: telemetry.meter('@proc/demo-processor') }),
      sink,
      logger: createLogger({
        write: (line) => logLines.push(line),
        records: telemetry.logger('@proc/demo-processor'),
      }),
      maxMessages: 200,
      durationMillis: 0,
      ratePerSecond: 1000,
      pollIntervalMillis: 20,
      windowSizeMillis: 100,
      traffic: { duplicateRate: 0.1, lateRate: 0.1, maxLatenessMillis: 300, poisonRate: 0.04 },
      ...overrides,
    });
    return { result, sink, logLines };
  } finally {
    // Every span has ended: shutdown exports them all, and the last metrics.
    await telemetry.shutdown({ timeoutMillis: 10_000 });
  }
}
