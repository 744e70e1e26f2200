import {
  ATTR_MESSAGING_BATCH_MESSAGE_COUNT,
  ATTR_MESSAGING_DESTINATION_PARTITION_ID,
  ATTR_MESSAGING_KAFKA_OFFSET,
  ATTR_MESSAGING_MESSAGE_ID,
} from './semconv.js';

/*
 * Span names and attribute keys for stream processing. Where the OpenTelemetry messaging
 * conventions have a name it is used (the `ATTR_*` aliases below equal the `messaging.*` key);
 * the rest are this project's `processor.*` keys.
 */

/** Span: one event handled by the processor (kind CONSUMER for a consumed record). */
export const SPAN_PROCESS_EVENT = 'processor.process_event' as const;
/** Span: a batch of events handled together. */
export const SPAN_PROCESS_BATCH = 'processor.process_batch' as const;
/** Span: events read from the source (poll/receive). */
export const SPAN_RECEIVE_BATCH = 'processor.receive_batch' as const;
/** Span: an event added to a window's aggregate. */
export const SPAN_WINDOW_AGGREGATE = 'processor.window.aggregate' as const;
/** Span: a closed window's result emitted downstream. */
export const SPAN_WINDOW_EMIT = 'processor.window.emit' as const;
/** Span: results sent to the sink (kind PRODUCER). */
export const SPAN_PUBLISH_RESULT = 'processor.publish_result' as const;
/** Span: source offsets committed (checkpoint). */
export const SPAN_CHECKPOINT = 'processor.checkpoint' as const;

/** Event identifier (string): the messaging convention's `messaging.message.id`. */
export const ATTR_EVENT_ID = ATTR_MESSAGING_MESSAGE_ID;
/** Event type (string), e.g. `metric`, `feedback`. */
export const ATTR_EVENT_TYPE = 'processor.event.type' as const;
/** Window identifier (string). */
export const ATTR_WINDOW_ID = 'processor.window.id' as const;
/** Window kind (string): `tumbling`, `sliding`, `session`. */
export const ATTR_WINDOW_TYPE = 'processor.window.type' as const;
/** Window start, integer epoch milliseconds (inclusive). */
export const ATTR_WINDOW_START = 'processor.window.start' as const;
/** Window end, integer epoch milliseconds (exclusive). */
export const ATTR_WINDOW_END = 'processor.window.end' as const;
/** Aggregation applied in a window (string), e.g. `avg`, `p95`, `count`. */
export const ATTR_AGGREGATION_TYPE = 'processor.aggregation.type' as const;
/** Source partition (string): `messaging.destination.partition.id`. */
export const ATTR_PARTITION = ATTR_MESSAGING_DESTINATION_PARTITION_ID;
/** Record offset in its partition (integer): `messaging.kafka.offset`. */
export const ATTR_OFFSET = ATTR_MESSAGING_KAFKA_OFFSET;
/** Number of events in a batch (integer): `messaging.batch.message_count`. */
export const ATTR_BATCH_SIZE = ATTR_MESSAGING_BATCH_MESSAGE_COUNT;
