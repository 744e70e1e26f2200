/*
 * Messaging attribute names copied from @opentelemetry/semantic-conventions 1.45.0
 * (`/incubating`, "Development" stability). Copied rather than imported, as the OpenTelemetry
 * JS packages do: incubating names may be renamed in a minor release of that package.
 * https://opentelemetry.io/docs/specs/semconv/registry/attributes/messaging/
 */

/** The messaging system, e.g. `kafka`. */
export const ATTR_MESSAGING_SYSTEM = 'messaging.system' as const;

/** Kind of messaging operation (`process`, `receive`, `send`, `create`, `settle`). */
export const ATTR_MESSAGING_OPERATION_TYPE = 'messaging.operation.type' as const;

/** System-specific operation name, e.g. `poll`, `commit`, `aggregate`. */
export const ATTR_MESSAGING_OPERATION_NAME = 'messaging.operation.name' as const;

/** Topic or queue name. */
export const ATTR_MESSAGING_DESTINATION_NAME = 'messaging.destination.name' as const;

/** Partition identifier, as a string. */
export const ATTR_MESSAGING_DESTINATION_PARTITION_ID =
  'messaging.destination.partition.id' as const;

/** Consumer group name. */
export const ATTR_MESSAGING_CONSUMER_GROUP_NAME = 'messaging.consumer.group.name' as const;

/** Offset of a record in its Kafka partition (integer). */
export const ATTR_MESSAGING_KAFKA_OFFSET = 'messaging.kafka.offset' as const;

/** Number of messages in a batch operation (integer). */
export const ATTR_MESSAGING_BATCH_MESSAGE_COUNT = 'messaging.batch.message_count' as const;

/** Message identifier, as a string. */
export const ATTR_MESSAGING_MESSAGE_ID = 'messaging.message.id' as const;

/** `messaging.system` value for Apache Kafka. */
export const MESSAGING_SYSTEM_VALUE_KAFKA = 'kafka' as const;

/** `messaging.operation.type`: one or more messages are processed by a consumer. */
export const MESSAGING_OPERATION_TYPE_VALUE_PROCESS = 'process' as const;

/** `messaging.operation.type`: one or more messages are requested by a consumer. */
export const MESSAGING_OPERATION_TYPE_VALUE_RECEIVE = 'receive' as const;

/** `messaging.operation.type`: one or more messages are provided for sending. */
export const MESSAGING_OPERATION_TYPE_VALUE_SEND = 'send' as const;

/** `messaging.operation.type`: a message is created (e.g. before a batch send). */
export const MESSAGING_OPERATION_TYPE_VALUE_CREATE = 'create' as const;

/** `messaging.operation.type`: one or more messages are settled (acknowledged, committed). */
export const MESSAGING_OPERATION_TYPE_VALUE_SETTLE = 'settle' as const;
