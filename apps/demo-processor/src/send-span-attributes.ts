import type { Attributes } from '@opentelemetry/api';
import type { GeneratedMessage } from './event-generator.js';
import {
  DESTINATION_KEY,
  EVENT_TYPE_KEY,
  MESSAGE_ID_KEY,
  OPERATION_NAME_KEY,
  OPERATION_TYPE_KEY,
  OPERATION_TYPE_SEND,
  PARTITION_ID_KEY,
  SYSTEM_KEY,
} from './hot-attribute-keys.js';

/**
 * The attributes of a message's send span, before its offset is known: one object, made once per
 * message (the in-process producer's and the Kafka producer's alike).
 */
export function sendSpanAttributes(
  system: string,
  topic: string,
  partition: number,
  generated: GeneratedMessage,
): Attributes {
  const attributes: Attributes = {
    [SYSTEM_KEY]: system,
    [DESTINATION_KEY]: topic,
    [OPERATION_NAME_KEY]: 'send',
    [OPERATION_TYPE_KEY]: OPERATION_TYPE_SEND,
    [PARTITION_ID_KEY]: String(partition),
  };
  if (generated.kind === 'event') {
    attributes[MESSAGE_ID_KEY] = generated.event.id;
    attributes[EVENT_TYPE_KEY] = generated.event.type;
    attributes['processor.event.redelivery'] = generated.duplicate;
  }
  return attributes;
}
