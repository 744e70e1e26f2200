// Names of the demo on Kafka, and the attribute keys its Kafka files use: imported here once, so
// the rest of src/kafka/ does not depend on which entry point of @proc/telemetry exports them.
export {
  ATTR_MESSAGING_BATCH_MESSAGE_COUNT,
  ATTR_MESSAGING_CONSUMER_GROUP_NAME,
  ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_DESTINATION_PARTITION_ID,
  ATTR_MESSAGING_KAFKA_OFFSET,
  ATTR_MESSAGING_MESSAGE_ID,
  ATTR_MESSAGING_OPERATION_NAME,
  ATTR_MESSAGING_OPERATION_TYPE,
  ATTR_MESSAGING_SYSTEM,
  ATTR_PROCESSOR_EVENT_TYPE,
  MESSAGING_OPERATION_TYPE_VALUE_PROCESS,
  MESSAGING_OPERATION_TYPE_VALUE_SEND,
  MESSAGING_SYSTEM_VALUE_KAFKA,
  SPAN_PROCESS_BATCH,
  SPAN_PROCESS_EVENT,
} from '@proc/telemetry/semconv';

/** The topic of the demo's events (infra/kafka/topics.txt). */
export const EVENTS_TOPIC = 'events';

/** The topic the chain relay writes (apps/chain-relay), one record per HTTP request. */
export const CHAIN_TOPIC = 'chain';

/** The consumer group of the workers. */
export const CONSUMER_GROUP = 'demo-processor';

/** Partitions of a topic the demo creates when the broker has none (as topics.txt). */
export const DEFAULT_PARTITIONS = 6;

/** The baggage keys the chain carries from the Node client through Python to the Node worker. */
export const CHAIN_BAGGAGE_KEYS = ['demo.tenant', 'demo.request.id'] as const;
