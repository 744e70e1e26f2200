import {
  ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_DESTINATION_PARTITION_ID,
  ATTR_MESSAGING_KAFKA_OFFSET,
  ATTR_MESSAGING_MESSAGE_ID,
  ATTR_MESSAGING_OPERATION_NAME,
  ATTR_MESSAGING_OPERATION_TYPE,
  ATTR_MESSAGING_SYSTEM,
  ATTR_PROCESSOR_EVENT_TYPE,
  ATTR_PROCESSOR_WINDOW_ID,
  MESSAGING_OPERATION_TYPE_VALUE_SEND,
  SPAN_PROCESS_EVENT,
} from '@proc/telemetry/semconv';

// The semantic-convention names the demo uses per message, per event and per link, as constants
// of its own. This app is built as CommonJS, where each use of a constant imported from
// `@proc/telemetry/semconv` reads through two re-export getters (that package, then
// `@proc/telemetry-semconv`); a constant exported here is a plain property, read once per use.
// Per event the getters showed in the profile (docs/benchmarks.md, suite 6, third pass).

/** `messaging.system`. */
export const SYSTEM_KEY = ATTR_MESSAGING_SYSTEM;
/** `messaging.destination.name`. */
export const DESTINATION_KEY = ATTR_MESSAGING_DESTINATION_NAME;
/** `messaging.operation.name`. */
export const OPERATION_NAME_KEY = ATTR_MESSAGING_OPERATION_NAME;
/** `messaging.operation.type`. */
export const OPERATION_TYPE_KEY = ATTR_MESSAGING_OPERATION_TYPE;
/** The `send` value of `messaging.operation.type`. */
export const OPERATION_TYPE_SEND = MESSAGING_OPERATION_TYPE_VALUE_SEND;
/** `messaging.destination.partition.id`. */
export const PARTITION_ID_KEY = ATTR_MESSAGING_DESTINATION_PARTITION_ID;
/** `messaging.kafka.offset`. */
export const OFFSET_KEY = ATTR_MESSAGING_KAFKA_OFFSET;
/** `messaging.message.id`. */
export const MESSAGE_ID_KEY = ATTR_MESSAGING_MESSAGE_ID;
/** `processor.event.type`. */
export const EVENT_TYPE_KEY = ATTR_PROCESSOR_EVENT_TYPE;
/** `processor.window.id`. */
export const WINDOW_ID_KEY = ATTR_PROCESSOR_WINDOW_ID;
/** The name of an event's span. */
export const PROCESS_EVENT_SPAN = SPAN_PROCESS_EVENT;
