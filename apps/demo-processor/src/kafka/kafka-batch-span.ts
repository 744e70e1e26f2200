import { context, SpanKind, type Tracer, trace } from '@opentelemetry/api';
import { startBatchProcessSpan } from '@proc/telemetry';
import type { QueueMessage } from '../types.js';
import {
  ATTR_MESSAGING_BATCH_MESSAGE_COUNT,
  ATTR_MESSAGING_CONSUMER_GROUP_NAME,
  ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_DESTINATION_PARTITION_ID,
  ATTR_MESSAGING_SYSTEM,
  MESSAGING_SYSTEM_VALUE_KAFKA,
  SPAN_PROCESS_BATCH,
} from './kafka-conventions.js';

/** Options of {@link kafkaBatchSpan}. */
export interface KafkaBatchSpanOptions {
  topic: string;
  group: string;
  /** True when `@opentelemetry/instrumentation-kafkajs` is on (it then owns the messaging spans). */
  instrumented: boolean;
  tracer?: Tracer;
}

/**
 * The stream processor's batch span on Kafka (its `startBatchSpan` option). A batch is a chunk
 * of one fetched partition batch.
 *
 * - On its own: the `process <topic>` span (kind `CONSUMER`) of `startBatchProcessSpan`, linked
 *   to the producer span of every record through the context in the record headers, with
 *   `messaging.system` kafka, the consumer group and the partition.
 * - With the kafkajs instrumentation on: that `process` span and its links would duplicate the
 *   instrumentation's (`poll <topic>` around the batch, one `process <topic>` per record, each
 *   linked to its producer), so the batch gets an internal `processor.process_batch` span under
 *   the active `poll` span instead, with the same attributes and no links.
 */
export function kafkaBatchSpan(
  options: KafkaBatchSpanOptions,
): typeof startBatchProcessSpan<QueueMessage> {
  const kafkaAttributes = (messages: readonly QueueMessage[]) => ({
    [ATTR_MESSAGING_SYSTEM]: MESSAGING_SYSTEM_VALUE_KAFKA,
    [ATTR_MESSAGING_DESTINATION_NAME]: options.topic,
    [ATTR_MESSAGING_CONSUMER_GROUP_NAME]: options.group,
    // kafkajs hands over one partition per batch.
    [ATTR_MESSAGING_DESTINATION_PARTITION_ID]: String(messages[0]?.partition ?? ''),
  });
  if (!options.instrumented) {
    return (messages, defaults) =>
      startBatchProcessSpan(messages, {
        ...defaults,
        system: MESSAGING_SYSTEM_VALUE_KAFKA,
        destination: options.topic,
        attributes: { ...defaults.attributes, ...kafkaAttributes(messages) },
      });
  }
  return (messages, defaults) => {
    const tracer = defaults.tracer ?? options.tracer ?? trace.getTracer('@proc/demo-processor');
    const parent = defaults.context ?? context.active();
    const span = tracer.startSpan(
      SPAN_PROCESS_BATCH,
      {
        kind: SpanKind.INTERNAL,
        attributes: {
          ...kafkaAttributes(messages),
          [ATTR_MESSAGING_BATCH_MESSAGE_COUNT]: messages.length,
        },
      },
      parent,
    );
    return { span, context: trace.setSpan(parent, span) };
  };
}
