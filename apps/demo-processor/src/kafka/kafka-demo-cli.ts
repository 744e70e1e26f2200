import { setTimeout as sleep } from 'node:timers/promises';
import {
  createMetricsRecorder,
  initTelemetry,
  redactUrl,
  type TelemetryProviders,
} from '@proc/telemetry';
import type { OtlpReceiver, ReceiverUi } from '@proc/telemetry-testing';
import type { DemoCliOptions } from '../cli-options.js';
import { demoTelemetryConfig, hasCollectorEndpoint } from '../demo-config.js';
import { renderLiveSummary } from '../live-summary.js';
import { startDemoUi } from '../live-view.js';
import { receiverEndpoint, startLocalReceiver } from '../local-receiver.js';
import { createLogger, type Logger } from '../logger.js';
import type { DemoCliIo } from '../run-demo-cli.js';
import { createMemorySink } from '../sinks.js';
import { parseBrokerUrl } from './broker-url.js';
import { createKafkaClient } from './kafka-client.js';
import {
  CHAIN_TOPIC,
  CONSUMER_GROUP,
  DEFAULT_PARTITIONS,
  EVENTS_TOPIC,
} from './kafka-conventions.js';
import { enableKafkajsInstrumentation } from './kafka-instrumentation.js';
import { runKafkaProducer } from './run-kafka-producer.js';
import { runKafkaWorker } from './run-kafka-worker.js';
import { leaveParent, tellParent } from './worker-messages.js';

/** Deadline of each process's final telemetry shutdown. */
const SHUTDOWN_TIMEOUT_MILLIS = 5000;

async function startTelemetry(
  io: DemoCliIo,
  identity: { workerId: string; stage: string },
  endpoint: string | undefined,
): Promise<TelemetryProviders> {
  return initTelemetry({
    config: demoTelemetryConfig(io.env, endpoint),
    env: io.env,
    processor: {
      name: 'demo-processor',
      pipelineId: 'demo',
      pipelineStage: identity.stage,
      workerId: identity.workerId,
    },
    shutdownTimeoutMillis: SHUTDOWN_TIMEOUT_MILLIS,
  });
}

/**
 * Whether the kafkajs instrumentation runs in this process, and how to turn off the one this
 * function turned on. `initTelemetry()` enables it when OTEL_NODE_ENABLED_INSTRUMENTATIONS names
 * `kafkajs`; else `--instrument-kafkajs` enables one here, with the hook that puts the demo's
 * attributes on its send spans. Either way the demo then leaves the messaging spans to it.
 */
function kafkajsInstrumentation(telemetry: TelemetryProviders, flagged: boolean) {
  if (telemetry.config.instrumentations.kafkajs.enabled)
    return { instrumented: true, disable: undefined };
  return flagged
    ? { instrumented: true, disable: enableKafkajsInstrumentation() }
    : { instrumented: false, disable: undefined };
}

function logExporting(logger: Logger, telemetry: TelemetryProviders, workerId: string) {
  logger.info('telemetry exporting', {
    worker: workerId,
    traces: redactUrl(telemetry.config.traces.export.endpoint),
    protocol: telemetry.config.traces.export.protocol,
    'service.instance.id': String(telemetry.resource.attributes['service.instance.id'] ?? ''),
  });
}

/**
 * `demo-processor --broker kafka://…`: the demo on a real Kafka broker. As `--role producer`
 * (what a user runs) this process produces the events and starts `--workers` worker processes
 * in one consumer group; as `--role worker` (started by it, or by hand on another machine) it
 * is one member of the group. Returns the exit code.
 */
export async function runKafkaDemoCli(options: DemoCliOptions, io: DemoCliIo): Promise<number> {
  const brokers = parseBrokerUrl(options.broker!);
  const topic = options.topic ?? EVENTS_TOPIC;
  const group = options.group ?? CONSUMER_GROUP;
  const chainTopic = options.chainTopic ?? CHAIN_TOPIC;
  const flagged = options.instrumentKafkajs ?? false;
  const signal = io.signal ?? new AbortController().signal;
  if (options.role === 'worker') {
    const workerId = options.workerId ?? `worker-${process.pid}`;
    const telemetry = await startTelemetry(io, { workerId, stage: 'process' }, options.collector);
    const { instrumented, disable } = kafkajsInstrumentation(telemetry, flagged);
    // Each line is also an OTLP log record in its span's trace, as in the in-process demo.
    const logger = createLogger({
      write: io.write,
      records: telemetry.logger('@proc/demo-processor'),
    });
    logExporting(logger, telemetry, workerId);
    // A worker the producer process started stops when that process is gone.
    const stop = new AbortController();
    signal.addEventListener('abort', () => stop.abort(), { once: true });
    process.once('disconnect', () => stop.abort());
    try {
      const stats = await runKafkaWorker({
        kafka: createKafkaClient({ brokers, clientId: `demo-${workerId}`, logger }),
        workerId,
        topic,
        chainTopic,
        group,
        tracer: telemetry.tracer('@proc/demo-processor'),
        recorder: createMetricsRecorder({ meter: telemetry.meter('@proc/demo-processor') }),
        sink: createMemorySink(),
        logger,
        signal: stop.signal,
        instrumented,
        spansExported: () => telemetry.exportCounts().traces?.exported ?? 0,
      });
      // Every span has ended: shutdown() exports them (the report line counts them).
      await telemetry.shutdown();
      tellParent({ type: 'finished', workerId, stats });
      await leaveParent();
      return 0;
    } finally {
      disable?.();
    }
  }

  let receiver: OtlpReceiver | undefined;
  let ui: ReceiverUi | undefined;
  if (!options.collector && !hasCollectorEndpoint(io.env)) {
    receiver = await startLocalReceiver();
    io.write(
      `No collector configured (OTEL_EXPORTER_OTLP_ENDPOINT unset): OTLP receiver in process at ` +
        `${receiver.httpUrl} (HTTP) and ${receiver.grpcUrl} (gRPC), for this process and its workers.\n`,
    );
    if (options.ui !== false) {
      ui = await startDemoUi(receiver, options.uiPort);
      io.write(`Web view of the traces, metrics and logs: ${ui.url}\n`);
    }
  }
  const endpoint =
    options.collector ??
    (receiver ? receiverEndpoint(receiver, io.env.OTEL_EXPORTER_OTLP_PROTOCOL) : undefined);
  const telemetry = await startTelemetry(io, { workerId: 'producer', stage: 'produce' }, endpoint);
  const { instrumented, disable } = kafkajsInstrumentation(telemetry, flagged);
  const logger = createLogger({
    write: io.write,
    records: telemetry.logger('@proc/demo-processor'),
  });
  logExporting(logger, telemetry, 'producer');
  const summary = receiver
    ? setInterval(
        () => io.write(renderLiveSummary(receiver)),
        options.summaryIntervalSeconds * 1000,
      )
    : undefined;
  try {
    const result = await runKafkaProducer({
      kafka: createKafkaClient({ brokers, clientId: 'demo-producer', logger }),
      broker: options.broker!,
      topic,
      chainTopic,
      group,
      partitions: DEFAULT_PARTITIONS,
      workers: options.workers ?? 2,
      workerArgs: [
        '--broker',
        options.broker!,
        '--topic',
        topic,
        '--group',
        group,
        '--chain-topic',
        chainTopic,
        ...(endpoint ? ['--collector', endpoint] : []),
        ...(flagged ? ['--instrument-kafkajs'] : []),
      ],
      env: io.env,
      write: io.write,
      ratePerSecond: options.rate,
      durationMillis: options.durationSeconds * 1000,
      seed: options.seed,
      relayUrl: options.relay,
      instrumented,
      tracer: telemetry.tracer('@proc/demo-processor'),
      logger,
      signal,
    });
    return result.workersFailed > 0 ? 1 : 0;
  } finally {
    clearInterval(summary);
    await telemetry.shutdown();
    disable?.();
    if (receiver) {
      // The workers' last exports arrive at their shutdown, before this one's.
      await sleep(100);
      io.write(renderLiveSummary(receiver));
      await ui?.stop();
      await receiver.stop();
    }
  }
}
