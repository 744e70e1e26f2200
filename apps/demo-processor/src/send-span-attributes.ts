import type { Attributes } from '@opentelemetry/api';
import {
  ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_DESTINATION_PARTITION_ID,
  ATTR_MESSAGING_MESSAGE_ID,
  ATTR_MESSAGING_OPERATION_NAME,
  ATTR_MESSAGING_OPERATION_TYPE,
  ATTR_MESSAGING_SYSTEM,
  ATTR_PROCESSOR_EVENT_TYPE,
  MESSAGING_OPERATION_TYPE_VALUE_SEND,
} from '@proc/telemetry/semconv';
import type { GeneratedMessage } from './event-generator.js';

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
    [ATTR_MESSAGING_SYSTEM]: system,
    [ATTR_MESSAGING_DESTINATION_NAME]: topic,
    [ATTR_MESSAGING_OPERATION_NAME]: 'send',
    [ATTR_MESSAGING_OPERATION_TYPE]: MESSAGING_OPERATION_TYPE_VALUE_SEND,
    [ATTR_MESSAGING_DESTINATION_PARTITION_ID]: String(partition),
  };
  if (generated.kind === 'event') {
    attributes[ATTR_MESSAGING_MESSAGE_ID] = generated.event.id;
    attributes[ATTR_PROCESSOR_EVENT_TYPE] = generated.event.type;
    attributes['processor.event.redelivery'] = generated.duplicate;
  }
  return attributes;
}
