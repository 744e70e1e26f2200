/*
 * Incubating ("Development" stability) semantic-convention names, copied from
 * `@opentelemetry/semantic-conventions` 1.45.0 (`/incubating`) rather than imported, as the
 * OpenTelemetry JS SDK does in its own `semconv.ts`: a minor release of that package may rename
 * them. `test/semconv.test.ts` checks every copy against the installed release.
 * https://opentelemetry.io/docs/specs/semconv/registry/attributes/messaging/
 * https://opentelemetry.io/docs/specs/semconv/messaging/messaging-metrics/
 */

/**
 * `messaging.system`: the messaging system as identified by the client instrumentation, e.g.
 * `kafka`, `rabbitmq`. Type: string.
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const ATTR_MESSAGING_SYSTEM = 'messaging.system' as const;

/**
 * `messaging.operation.type`: the kind of messaging operation (`create`, `send`, `receive`,
 * `process`, `settle`). Type: string.
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const ATTR_MESSAGING_OPERATION_TYPE = 'messaging.operation.type' as const;

/**
 * `messaging.operation.name`: the system-specific operation name, e.g. `poll`, `commit`,
 * `process`. Type: string.
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const ATTR_MESSAGING_OPERATION_NAME = 'messaging.operation.name' as const;

/**
 * `messaging.destination.name`: the topic or queue. Type: string.
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const ATTR_MESSAGING_DESTINATION_NAME = 'messaging.destination.name' as const;

/**
 * `messaging.destination.partition.id`: the partition a message is sent to or received from.
 * Type: string (a Kafka partition number as text, e.g. `"3"`).
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const ATTR_MESSAGING_DESTINATION_PARTITION_ID =
  'messaging.destination.partition.id' as const;

/**
 * `messaging.consumer.group.name`: the consumer group the consumer belongs to. Type: string.
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const ATTR_MESSAGING_CONSUMER_GROUP_NAME = 'messaging.consumer.group.name' as const;

/**
 * `messaging.kafka.offset`: the offset of a record in its Kafka partition. Type: int.
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const ATTR_MESSAGING_KAFKA_OFFSET = 'messaging.kafka.offset' as const;

/**
 * `messaging.batch.message_count`: the number of messages a batch operation handles. Type: int.
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const ATTR_MESSAGING_BATCH_MESSAGE_COUNT = 'messaging.batch.message_count' as const;

/**
 * `messaging.message.id`: the identifier of a message (an event's id). Type: string.
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const ATTR_MESSAGING_MESSAGE_ID = 'messaging.message.id' as const;

/**
 * The `kafka` value of `messaging.system`.
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const MESSAGING_SYSTEM_VALUE_KAFKA = 'kafka' as const;

/**
 * `messaging.operation.type` `create`: a message is created (e.g. before a batch send).
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const MESSAGING_OPERATION_TYPE_VALUE_CREATE = 'create' as const;

/**
 * `messaging.operation.type` `send`: one or more messages are provided for sending.
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const MESSAGING_OPERATION_TYPE_VALUE_SEND = 'send' as const;

/**
 * `messaging.operation.type` `receive`: one or more messages are requested by a consumer.
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const MESSAGING_OPERATION_TYPE_VALUE_RECEIVE = 'receive' as const;

/**
 * `messaging.operation.type` `process`: one or more messages are processed by a consumer.
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const MESSAGING_OPERATION_TYPE_VALUE_PROCESS = 'process' as const;

/**
 * `messaging.operation.type` `settle`: one or more messages are settled (acknowledged,
 * committed).
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const MESSAGING_OPERATION_TYPE_VALUE_SETTLE = 'settle' as const;

/**
 * `messaging.process.duration`: duration of a processing operation (histogram, `s`).
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const METRIC_MESSAGING_PROCESS_DURATION = 'messaging.process.duration' as const;

/**
 * `messaging.client.consumed.messages`: messages delivered to the application (counter,
 * `{message}`).
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const METRIC_MESSAGING_CLIENT_CONSUMED_MESSAGES =
  'messaging.client.consumed.messages' as const;
