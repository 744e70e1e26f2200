import type { QueueMessage } from './types.js';

/** An in-process topic with partitions and per-partition offsets, like a tiny Kafka. */
export interface MessageQueue {
  readonly topic: string;
  /** Appends a message to a partition and returns it with its offset. */
  append(message: Omit<QueueMessage, 'offset' | 'topic' | 'timestampMillis'>): QueueMessage;
  /** Takes up to `max` messages, oldest first across partitions. */
  poll(max: number): QueueMessage[];
  /** Messages waiting to be polled. */
  readonly depth: number;
}

/** Creates an in-process {@link MessageQueue}. */
export function createMessageQueue(options: {
  topic: string;
  partitions: number;
  now?: () => number;
}): MessageQueue {
  const now = options.now ?? Date.now;
  const offsets = new Array<number>(options.partitions).fill(0);
  const pending: QueueMessage[] = [];
  return {
    topic: options.topic,
    append(message) {
      const offset = offsets[message.partition] ?? 0;
      offsets[message.partition] = offset + 1;
      const full: QueueMessage = {
        ...message,
        topic: options.topic,
        offset,
        timestampMillis: now(),
      };
      pending.push(full);
      return full;
    },
    poll(max) {
      return pending.splice(0, Math.max(0, max));
    },
    get depth() {
      return pending.length;
    },
  };
}
