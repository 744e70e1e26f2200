/*
 * Incubating semantic-convention names copied from `@opentelemetry/semantic-conventions` 1.45.0
 * (`/incubating` entry point), as the OpenTelemetry JS SDK does in its own `semconv.ts`:
 * incubating names may change in a minor release, so they are pinned here instead of imported.
 * https://opentelemetry.io/docs/specs/semconv/messaging/messaging-metrics/
 */

/**
 * Duration of processing operation (histogram, `s`).
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const METRIC_MESSAGING_PROCESS_DURATION = 'messaging.process.duration' as const;

/**
 * Number of messages that were delivered to the application (counter, `{message}`).
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const METRIC_MESSAGING_CLIENT_CONSUMED_MESSAGES =
  'messaging.client.consumed.messages' as const;

/**
 * The messaging system as identified by the client instrumentation (`kafka`, `rabbitmq`...).
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const ATTR_MESSAGING_SYSTEM = 'messaging.system' as const;

/**
 * The system-specific name of the messaging operation (`ack`, `process`, `receive`...).
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const ATTR_MESSAGING_OPERATION_NAME = 'messaging.operation.name' as const;

/**
 * A string identifying the type of the messaging operation (`process`, `receive`, `send`...).
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const ATTR_MESSAGING_OPERATION_TYPE = 'messaging.operation.type' as const;

/**
 * The message destination name (topic, queue).
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const ATTR_MESSAGING_DESTINATION_NAME = 'messaging.destination.name' as const;

/**
 * The name of the consumer group the event consumer is associated with.
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const ATTR_MESSAGING_CONSUMER_GROUP_NAME = 'messaging.consumer.group.name' as const;

/**
 * The identifier of the partition messages are sent to or received from.
 * @experimental Incubating in semantic conventions 1.45.0.
 */
export const ATTR_MESSAGING_DESTINATION_PARTITION_ID =
  'messaging.destination.partition.id' as const;
