import { setTimeout as sleep } from 'node:timers/promises';
import type { Tracer } from '@opentelemetry/api';
import type { MetricsRecorder } from '@proc/telemetry';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { Logger } from '../logger.js';
import { createProcessorMetrics } from '../processor-metrics.js';
import { createStreamProcessor } from '../stream-processor.js';
import type { ResultSink } from '../types.js';
import { createChainConsumer } from './chain-consumer.js';
import { kafkaBatchSpan } from './kafka-batch-span.js';
import { chunk, toQueueMessage } from './kafka-record.js';
import { tellParent, type WorkerStats } from './worker-messages.js';

/** Options of {@link runKafkaWorker}. */
export interface KafkaWorkerOptions {
  kafka: Kafka;
  workerId: string;
  topic: string;
  chainTopic: string;
  group: string;
  recorder: MetricsRecorder;
  sink: ResultSink;
  logger: Logger;
  /** Aborting stops consuming: the worker leaves its group, fires its windows and returns. */
  signal: AbortSignal;
  /** True when `@opentelemetry/instrumentation-kafkajs` is on. */
  instrumented: boolean;
  /** Spans delivered so far, for the progress line. */
  spansExported: () => number;
  tracer?: Tracer;
  /**
   * Largest batch span: a fetched partition batch is processed in chunks of at most this many
   * records. Default 128, the SDK's span link limit, so each batch span links every record.
   */
  maxBatchSize?: number;
  /** Tumbling window length (milliseconds). Default 5000. */
  windowSizeMillis?: number;
  /**
   * How long the group waits for a worker's heartbeat before it gives its partitions to the
   * others. Default 10000 (kafkajs' default is 30 s; the broker allows 6 s and up).
   */
  sessionTimeoutMillis?: number;
}

/**
 * One worker of the consumer group: reads the events topic (and the chain relay's topic) from
 * the partitions the group assigns it, processes each fetched batch in chunks of at most
 * `maxBatchSize` records (one batch span each, linked to every record's producer span through
 * the context in the record headers), commits after each chunk, and follows rebalances. Runs
 * until `signal` aborts.
 */
export async function runKafkaWorker(options: KafkaWorkerOptions): Promise<WorkerStats> {
  const { kafka, workerId, topic, chainTopic, group, logger, instrumented } = options;
  const windowSizeMillis = options.windowSizeMillis ?? 5000;
  const maxBatch = options.maxBatchSize ?? 128;
  const tracer = options.tracer ? { tracer: options.tracer } : {};
  const processor = createStreamProcessor({
    topic,
    metrics: createProcessorMetrics(options.recorder),
    sink: options.sink,
    logger,
    windows: {
      sizeMillis: windowSizeMillis,
      maxOutOfOrderMillis: windowSizeMillis / 2,
      allowedLatenessMillis: windowSizeMillis / 2,
    },
    startBatchSpan: kafkaBatchSpan({ topic, group, instrumented, ...tracer }),
    ...tracer,
  });
  const chain = createChainConsumer({ topic: chainTopic, group, instrumented, logger, ...tracer });
  const stats = (): WorkerStats => ({ ...processor.stats, chainProcessed: chain.processed });

  const consumer: Consumer = kafka.consumer({
    groupId: group,
    sessionTimeout: options.sessionTimeoutMillis ?? 10_000,
    heartbeatInterval: 1000,
    rebalanceTimeout: 20_000,
    // How long a fetch waits for records: short, so batches follow the producer closely and a
    // stop is not held up by a long poll (kafkajs' default is 5 s).
    maxWaitTimeInMs: 500,
  });
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    const partitions = [...(payload.memberAssignment[topic] ?? [])].sort((a, b) => a - b);
    logger.info('partitions assigned', {
      worker: workerId,
      [topic]: partitions.join(','),
      [chainTopic]: (payload.memberAssignment[chainTopic] ?? []).join(','),
    });
    tellParent({ type: 'assigned', workerId, partitions });
  });

  const eachBatch = async (payload: EachBatchPayload) => {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } =
      payload;
    for (const records of chunk(batch.messages, maxBatch)) {
      // After a rebalance the partition may belong to another worker now: stop here, it
      // continues from the last committed offset.
      if (!isRunning() || isStale()) return;
      const messages = records.map((r) => toQueueMessage(batch.topic, batch.partition, r));
      if (batch.topic === chainTopic) for (const message of messages) chain.process(message);
      else processor.processBatch(messages);
      resolveOffset(records[records.length - 1]!.offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  };

  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic, chainTopic], fromBeginning: true });
    await consumer.run({
      eachBatchAutoResolve: false,
      autoCommitInterval: 1000,
      partitionsConsumedConcurrently: 1,
      eachBatch,
    });
    logger.info('worker started', { worker: workerId, group, topics: `${topic},${chainTopic}` });
    const progress = setInterval(() => {
      const spansExported = options.spansExported();
      logger.info('worker progress', {
        worker: workerId,
        ...stats(),
        spans_exported: spansExported,
      });
      tellParent({ type: 'progress', workerId, stats: stats(), spansExported });
    }, 1000);
    try {
      while (!options.signal.aborted) await sleep(200);
    } finally {
      clearInterval(progress);
    }
  } finally {
    // Waits for the batch in hand, commits what was processed and leaves the group, so the
    // others take its partitions at once rather than after the session timeout.
    await consumer.disconnect();
  }
  processor.flush();
  logger.info('worker finished', { worker: workerId, ...stats() });
  return stats();
}
