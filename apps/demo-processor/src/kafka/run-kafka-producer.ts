import { setTimeout as sleep } from 'node:timers/promises';
import type { Tracer } from '@opentelemetry/api';
import type { Admin, Kafka } from 'kafkajs';
import { createEventGenerator } from '../event-generator.js';
import type { Logger } from '../logger.js';
import { seededRandom } from '../seeded-random.js';
import { createChainClient } from './chain-client.js';
import { waitForDrain } from './consumer-lag.js';
import { loadKafkajs } from './kafka-client.js';
import { createKafkaEventProducer } from './kafka-producer.js';
import type { WorkerStats } from './worker-messages.js';
import { startWorkerProcesses, type WorkerProcess } from './worker-processes.js';

/** Options of {@link runKafkaProducer}. */
export interface KafkaProducerOptions {
  kafka: Kafka;
  broker: string;
  topic: string;
  chainTopic: string;
  group: string;
  /** Partitions of a topic this creates because the broker has none. */
  partitions: number;
  workers: number;
  /** Arguments every worker process gets (broker, topic, group, collector…). */
  workerArgs: readonly string[];
  env: Record<string, string | undefined>;
  write: (text: string) => void;
  ratePerSecond: number;
  /** 0: until `signal` aborts. */
  durationMillis: number;
  seed: number;
  /** The chain relay: one order through it each second. */
  relayUrl?: string;
  instrumented: boolean;
  logger: Logger;
  signal: AbortSignal;
  tracer?: Tracer;
  /** How long the workers get to commit everything produced. Default 60000. */
  drainTimeoutMillis?: number;
}

/** What a run did, over the producer and every worker. */
export interface KafkaDemoResult {
  produced: number;
  chainSent: number;
  /** The workers' counts added up (as last reported by each). */
  totals: WorkerStats;
  /** Records the group had not committed when the workers were stopped. */
  lag: number;
  /** Workers that did not exit 0 after reporting their counts (killed, crashed). */
  workersFailed: number;
}

const ZERO: WorkerStats = {
  batches: 0,
  received: 0,
  processed: 0,
  duplicates: 0,
  late: 0,
  droppedLate: 0,
  droppedPoison: 0,
  windowsEmitted: 0,
  chainProcessed: 0,
};

async function ensureTopics(admin: Admin, topics: { topic: string; partitions: number }[]) {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t.topic));
  if (missing.length > 0) {
    await admin.createTopics({
      topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.partitions })),
      waitForLeaders: true,
    });
  }
  const metadata = await admin.fetchTopicMetadata({ topics: topics.map((t) => t.topic) });
  return new Map(metadata.topics.map((t) => [t.name, t.partitions.length]));
}

/** Waits (bounded) until the workers' latest assignments cover every partition once. */
async function waitForAssignment(
  workers: readonly WorkerProcess[],
  partitions: number,
  timeoutMillis: number,
) {
  const deadline = Date.now() + timeoutMillis;
  const covered = () => {
    const all = workers.flatMap((w) => w.partitions);
    return (
      all.length === partitions &&
      new Set(all).size === partitions &&
      workers.every((w) => w.partitions.length > 0 || workers.length > partitions)
    );
  };
  while (!covered() && Date.now() < deadline) await sleep(100);
  return covered();
}

/**
 * The producer process: makes sure the topics exist, starts the workers and waits until the
 * group has spread the partitions over them, produces the events at `ratePerSecond` (with
 * `relayUrl`, also one order a second through the Python relay), then waits until the group has
 * committed everything, stops the workers (each drains, fires its windows and shuts its
 * telemetry down) and adds up what they report.
 */
export async function runKafkaProducer(options: KafkaProducerOptions): Promise<KafkaDemoResult> {
  const { kafka, logger, signal } = options;
  const admin = kafka.admin();
  await admin.connect();
  // Every record names its partition (by key), so the partitioner is never asked; naming it
  // keeps kafkajs from warning that its default changed in 2.0.
  const producer = kafka.producer({
    allowAutoTopicCreation: false,
    createPartitioner: loadKafkajs().Partitioners.DefaultPartitioner,
  });
  let workers: WorkerProcess[] = [];
  try {
    const counts = await ensureTopics(admin, [
      { topic: options.topic, partitions: options.partitions },
      { topic: options.chainTopic, partitions: 3 },
    ]);
    const partitions = counts.get(options.topic) ?? options.partitions;
    await producer.connect();
    workers = startWorkerProcesses({
      count: options.workers,
      args: options.workerArgs,
      env: options.env,
      write: options.write,
    });
    for (const w of workers) {
      logger.info('worker process started', { worker: w.id, pid: w.pid });
      void w.exited.then(({ code, signal: killedBy }) =>
        logger.info('worker process exited', { worker: w.id, pid: w.pid, code, signal: killedBy }),
      );
    }
    const spread = await waitForAssignment(workers, partitions, 60_000);
    logger.info('partitions spread over workers', {
      spread,
      ...Object.fromEntries(workers.map((w) => [w.id, w.partitions.join(',')])),
    });

    const events = createKafkaEventProducer({
      producer,
      topic: options.topic,
      partitions,
      instrumented: options.instrumented,
      ...(options.tracer ? { tracer: options.tracer } : {}),
    });
    const chain = options.relayUrl
      ? createChainClient({
          relayUrl: options.relayUrl,
          tenant: 'acme',
          logger,
          ...(options.tracer ? { tracer: options.tracer } : {}),
        })
      : undefined;
    const next = createEventGenerator({ random: seededRandom(options.seed) });
    const started = Date.now();
    const deadline =
      options.durationMillis > 0 ? started + options.durationMillis : Number.POSITIVE_INFINITY;
    const producing = () => !signal.aborted && Date.now() < deadline;
    logger.info('demo started', {
      broker: options.broker,
      topic: options.topic,
      group: options.group,
      workers: workers.length,
      rate: options.ratePerSecond,
      duration_ms: options.durationMillis,
    });
    let orders = 0;
    // Order ids unique to this run: the chain topic keeps the records of earlier runs.
    const run = Date.now().toString(36);
    while (producing()) {
      // Catch up with the rate since the start, one request per tick.
      const due = Math.floor(((Date.now() - started) / 1000) * options.ratePerSecond) + 1;
      const batch = Array.from({ length: Math.max(0, due - events.sent - events.failed) }, () =>
        next(),
      );
      try {
        await events.sendAll(batch);
      } catch (error) {
        logger.warn('send failed', { records: batch.length, error: (error as Error).message });
      }
      if (chain && Date.now() - started >= orders * 1000) {
        orders++;
        await chain.post({ id: `order-${run}-${orders}`, amount: orders * 10 });
      }
      await sleep(100);
    }
    const lag = await waitForDrain(admin, options.group, [options.topic, options.chainTopic], {
      timeoutMillis: signal.aborted ? 15_000 : (options.drainTimeoutMillis ?? 60_000),
    });
    logger.info('records committed by the group', { lag });
    await Promise.all(workers.map((w) => w.stop(30_000)));
    let failed = 0;
    for (const w of workers) {
      const { code, signal: killedBy } = await w.exited;
      if (code !== 0 || !w.finished) failed++;
      if (!w.finished)
        logger.warn('worker did not finish cleanly', { worker: w.id, code, signal: killedBy });
    }
    const totals = { ...ZERO };
    for (const w of workers)
      for (const key of Object.keys(totals) as (keyof WorkerStats)[])
        totals[key] += w.stats?.[key] ?? 0;
    const result: KafkaDemoResult = {
      produced: events.sent,
      chainSent: chain?.sent ?? 0,
      totals,
      lag,
      workersFailed: failed,
    };
    logger.info('demo finished', {
      produced: result.produced,
      sendFailed: events.failed,
      chainSent: result.chainSent,
      ...totals,
      lag,
      workers: workers.length,
      workersFailed: failed,
    });
    return result;
  } finally {
    // Whatever happened above, no worker outlives this process.
    await Promise.all(workers.map((w) => w.stop(10_000)));
    await producer.disconnect();
    await admin.disconnect();
  }
}
