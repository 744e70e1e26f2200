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

// Read once: in this CommonJS build each use of an imported constant goes through two re-export
// getters (see stream-processor.ts), and this runs for every sampled message.
const SYSTEM_KEY = ATTR_MESSAGING_SYSTEM;
const DESTINATION_KEY = ATTR_MESSAGING_DESTINATION_NAME;
const OPERATION_NAME_KEY = ATTR_MESSAGING_OPERATION_NAME;
const OPERATION_TYPE_KEY = ATTR_MESSAGING_OPERATION_TYPE;
const OPERATION_TYPE_SEND = MESSAGING_OPERATION_TYPE_VALUE_SEND;
const PARTITION_ID_KEY = ATTR_MESSAGING_DESTINATION_PARTITION_ID;
const MESSAGE_ID_KEY = ATTR_MESSAGING_MESSAGE_ID;
const EVENT_TYPE_KEY = ATTR_PROCESSOR_EVENT_TYPE;

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
