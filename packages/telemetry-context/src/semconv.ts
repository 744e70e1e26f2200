/*
 * Incubating messaging semantic-convention names, copied rather than imported from
 * `@opentelemetry/semantic-conventions/incubating`, whose minor releases may rename them.
 * https://opentelemetry.io/docs/specs/semconv/messaging/messaging-spans/
 */

/** `messaging.system`: the messaging system, e.g. `kafka`. */
export const ATTR_MESSAGING_SYSTEM = 'messaging.system' as const;
/** `messaging.operation.name`: the system-specific operation name, e.g. `process`. */
export const ATTR_MESSAGING_OPERATION_NAME = 'messaging.operation.name' as const;
/** `messaging.operation.type`: `create`, `send`, `receive`, `process` or `settle`. */
export const ATTR_MESSAGING_OPERATION_TYPE = 'messaging.operation.type' as const;
/** `messaging.destination.name`: the topic or queue. */
export const ATTR_MESSAGING_DESTINATION_NAME = 'messaging.destination.name' as const;
/** `messaging.batch.message_count`: how many messages the batch operation handles. */
export const ATTR_MESSAGING_BATCH_MESSAGE_COUNT = 'messaging.batch.message_count' as const;
/** `messaging.message.id`: the message id, on links of a batch span. */
export const ATTR_MESSAGING_MESSAGE_ID = 'messaging.message.id' as const;
/** The `process` value of `messaging.operation.type`. */
export const MESSAGING_OPERATION_TYPE_VALUE_PROCESS = 'process' as const;
