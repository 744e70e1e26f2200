import { context, SpanKind, type Tracer, trace } from '@opentelemetry/api';
import { injectIntoHeaders, spanBuilder } from '@proc/telemetry';
import { ATTR_MESSAGING_KAFKA_OFFSET } from '@proc/telemetry/semconv';
import { MESSAGING_SYSTEM } from './conventions.js';
import type { GeneratedMessage } from './event-generator.js';
import type { MessageQueue } from './message-queue.js';
import { sendSpanAttributes } from './send-span-attributes.js';
import type { QueueMessage } from './types.js';

/** Sends generated messages the way a Kafka producer does: one `send` span per message. */
export interface Producer {
  send(generated: GeneratedMessage): QueueMessage;
  readonly sent: number;
}

/** Creates a producer writing to `queue`, partitioning by key. */
export function createProducer(options: {
  queue: MessageQueue;
  partitions: number;
  tracer?: Tracer;
}): Producer {
  const { queue, partitions } = options;
  let sent = 0;
  const builderOptions = options.tracer ? { tracer: options.tracer } : {};
  return {
    send(generated) {
      const key = generated.kind === 'event' ? generated.event.customerId : generated.key;
      const value = generated.kind === 'event' ? JSON.stringify(generated.event) : generated.value;
      const partition = partitionOf(key, partitions);
      // Each message starts its own trace, as an upstream service's request would; the
      // consumer's batch span links back to it through the injected headers.
      const span = spanBuilder(`send ${queue.topic}`, builderOptions)
        .kind(SpanKind.PRODUCER)
        .noParent()
        .start();
      try {
        // Set once the span is known to record: an unsampled one, nine in ten at 10 %, would
        // drop them after the SDK had copied and checked them. The demo's samplers (ratio,
        // parent-based) do not read attributes.
        if (span.isRecording()) {
          span.setAttributes(
            sendSpanAttributes(MESSAGING_SYSTEM, queue.topic, partition, generated),
          );
        }
        // Injected from the span's context as made here, not through a context switch: the
        // headers are the only thing that needs it.
        const headers = injectIntoHeaders(undefined, {
          context: trace.setSpan(context.active(), span),
        });
        const message = queue.append({ partition, key, value, headers });
        if (span.isRecording()) span.setAttribute(ATTR_MESSAGING_KAFKA_OFFSET, message.offset);
        sent++;
        return message;
      } finally {
        span.end();
      }
    },
    get sent() {
      return sent;
    },
  };
}

/** A stable partition for a key (FNV-1a), like Kafka's key hashing. */
export function partitionOf(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}
