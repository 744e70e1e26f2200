import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import {
  ATTR_MESSAGING_CONSUMER_GROUP_NAME,
  ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_DESTINATION_PARTITION_ID,
  ATTR_MESSAGING_OPERATION_NAME,
  ATTR_MESSAGING_OPERATION_TYPE,
  ATTR_MESSAGING_SYSTEM,
} from './semconv.js';

/**
 * Attribute keys of the stream-processor metrics. The first seven are the original module's
 * keys, kept so dashboards carry over; the `MESSAGING_*` ones are semantic-convention keys for
 * the `messaging.*` metrics.
 */
export const METRIC_ATTRIBUTES = Object.freeze({
  /** Kind of event being processed. */
  EVENT_TYPE: 'event.type',
  /** Window kind: `tumbling`, `sliding`, `session`... */
  WINDOW_TYPE: 'window.type',
  /** Aggregation function: `sum`, `count`, `avg`... */
  AGGREGATION_TYPE: 'aggregation.type',
  /** State store backend: `memory`, `redis`, `rocksdb`... */
  STATE_BACKEND: 'state.backend',
  /** State operation: `get`, `put`, `delete`... */
  OPERATION_TYPE: 'operation.type',
  /** Low-cardinality class of an error (semantic convention `error.type`). */
  ERROR_TYPE: ATTR_ERROR_TYPE,
  /** Partition the event came from. */
  PARTITION_ID: 'partition.id',
  /** `messaging.system` (semantic convention, incubating). */
  MESSAGING_SYSTEM: ATTR_MESSAGING_SYSTEM,
  /** `messaging.operation.name` (semantic convention, incubating). */
  MESSAGING_OPERATION_NAME: ATTR_MESSAGING_OPERATION_NAME,
  /** `messaging.operation.type` (semantic convention, incubating). */
  MESSAGING_OPERATION_TYPE: ATTR_MESSAGING_OPERATION_TYPE,
  /** `messaging.destination.name` (semantic convention, incubating). */
  MESSAGING_DESTINATION_NAME: ATTR_MESSAGING_DESTINATION_NAME,
  /** `messaging.consumer.group.name` (semantic convention, incubating). */
  MESSAGING_CONSUMER_GROUP_NAME: ATTR_MESSAGING_CONSUMER_GROUP_NAME,
  /** `messaging.destination.partition.id` (semantic convention, incubating). */
  MESSAGING_DESTINATION_PARTITION_ID: ATTR_MESSAGING_DESTINATION_PARTITION_ID,
} as const);
