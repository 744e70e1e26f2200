import { setTimeout as sleep } from 'node:timers/promises';
import type { Tracer } from '@opentelemetry/api';
import type { MetricsRecorder } from '@proc/telemetry';
import { TOPIC } from './conventions.js';
import { createEventGenerator, type EventGeneratorOptions } from './event-generator.js';
import type { Logger } from './logger.js';
import { createMessageQueue } from './message-queue.js';
import { createProcessorMetrics } from './processor-metrics.js';
import { createProducer } from './producer.js';
import { seededRandom } from './seeded-random.js';
import { createStreamProcessor } from './stream-processor.js';
import type { ProcessorStats, ResultSink } from './types.js';

/** Options of {@link runDemo}. */
export interface RunDemoOptions {
  recorder: MetricsRecorder;
  sink: ResultSink;
  logger: Logger;
  tracer?: Tracer;
  /**
   * Events produced per second. Default 50. `Infinity`: as fast as the processor keeps up (one
   * batch produced, then processed, per turn of the event loop), to measure its maximum rate.
   */
  ratePerSecond?: number;
  /** Stop producing after this long (milliseconds); 0 runs until `signal` aborts. Default 20000. */
  durationMillis?: number;
  /** Stop producing after this many messages. Default: no limit. */
  maxMessages?: number;
  /** Stops the run early (Ctrl-C). */
  signal?: AbortSignal;
  /**
   * Largest batch the consumer polls. Default 128: the SDK's default span link limit
   * (`OTEL_SPAN_LINK_COUNT_LIMIT`), so the batch span links to every message's producer span
   * (past the limit the SDK drops links silently).
   */
  maxBatchSize?: number;
  /** Consumer poll interval (milliseconds). Default 250. */
  pollIntervalMillis?: number;
  /** Tumbling window length (milliseconds). Default 5000. */
  windowSizeMillis?: number;
  partitions?: number;
  seed?: number;
  /** Traffic shape (duplicates, late events, poison messages). */
  traffic?: Omit<EventGeneratorOptions, 'random'>;
}

/** What a run did. */
export interface DemoRunResult extends ProcessorStats {
  produced: number;
  windowsStillOpen: number;
}

/**
 * Runs producer and processor together: messages are produced at `ratePerSecond`; every
 * `pollIntervalMillis` the consumer polls batches until the queue is empty; at the end every open
 * window is flushed, so each produced message has been processed when this resolves.
 */
export async function runDemo(options: RunDemoOptions): Promise<DemoRunResult> {
  const rate = options.ratePerSecond ?? 50;
  const durationMillis = options.durationMillis ?? 20_000;
  const maxMessages = options.maxMessages ?? Number.POSITIVE_INFINITY;
  const pollInterval = options.pollIntervalMillis ?? 250;
  const maxBatch = options.maxBatchSize ?? 128;
  const partitions = options.partitions ?? 3;
  const windowSizeMillis = options.windowSizeMillis ?? 5000;
  const tracer = options.tracer ? { tracer: options.tracer } : {};

  const queue = createMessageQueue({ topic: TOPIC, partitions });
  const producer = createProducer({ queue, partitions, ...tracer });
  const next = createEventGenerator({
    random: seededRandom(options.seed ?? 42),
    ...options.traffic,
  });
  const processor = createStreamProcessor({
    topic: TOPIC,
    metrics: createProcessorMetrics(options.recorder),
    sink: options.sink,
    logger: options.logger,
    windows: {
      sizeMillis: windowSizeMillis,
      maxOutOfOrderMillis: windowSizeMillis / 2,
      allowedLatenessMillis: windowSizeMillis / 2,
    },
    ...tracer,
  });

  const started = Date.now();
  const deadline = durationMillis > 0 ? started + durationMillis : Number.POSITIVE_INFINITY;
  const producing = () =>
    !options.signal?.aborted && Date.now() < deadline && producer.sent < maxMessages;
  options.logger.info('demo started', { rate, duration_ms: durationMillis, partitions });
  while (producing() && rate === Number.POSITIVE_INFINITY) {
    for (let i = 0; i < maxBatch && producing(); i++) producer.send(next());
    processor.processBatch(queue.poll(maxBatch));
    // Yield, so timers (telemetry export, the deadline) run between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  while (producing()) {
    // Catch up with the rate since the start: steady on average whatever the timer jitter.
    const due = Math.min(maxMessages, Math.floor(((Date.now() - started) / 1000) * rate) + 1);
    while (producer.sent < due && producing()) producer.send(next());
    // Like a real consumer, keep polling while messages wait, so any --rate is kept up with;
    // each batch still holds at most maxBatch messages.
    do processor.processBatch(queue.poll(maxBatch));
    while (queue.depth > 0);
    await sleep(pollInterval);
  }
  while (queue.depth > 0) processor.processBatch(queue.poll(maxBatch));
  processor.flush();
  options.logger.info('demo finished', { ...processor.stats, produced: producer.sent });
  return { ...processor.stats, produced: producer.sent, windowsStillOpen: processor.activeWindows };
}
