import type { KafkaMessage } from 'kafkajs';
import type { QueueMessage } from '../types.js';

/**
 * A consumed Kafka record as the stream processor's message. The headers stay as kafkajs hands
 * them over (`Buffer` values): @proc/telemetry's header carrier reads them as UTF-8, so the
 * producer's `traceparent` and `baggage` are extracted from the real record headers.
 */
export function toQueueMessage(
  topic: string,
  partition: number,
  record: KafkaMessage,
): QueueMessage {
  return {
    topic,
    partition,
    // Offsets are int64 strings; a demo topic stays far below 2^53.
    offset: Number(record.offset),
    key: record.key?.toString('utf8') ?? '',
    value: record.value?.toString('utf8') ?? '',
    headers: record.headers ?? {},
    timestampMillis: Number(record.timestamp),
  };
}

/** Splits a fetched batch into chunks of at most `max` records, in order. */
export function chunk<T>(items: readonly T[], max: number): T[][] {
  if (!Number.isInteger(max) || max < 1)
    throw new RangeError(`chunk size must be a positive integer, got ${max}`);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += max) chunks.push(items.slice(i, i + max));
  return chunks;
}
