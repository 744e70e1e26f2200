import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import {
  ATTR_MESSAGING_CONSUMER_GROUP_NAME,
  ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_DESTINATION_PARTITION_ID,
  ATTR_MESSAGING_OPERATION_NAME,
  ATTR_MESSAGING_OPERATION_TYPE,
  ATTR_MESSAGING_SYSTEM,
  ATTR_PROCESSOR_AGGREGATION_TYPE,
  ATTR_PROCESSOR_EVENT_TYPE,
  ATTR_PROCESSOR_STATE_BACKEND,
  ATTR_PROCESSOR_STATE_OPERATION_TYPE,
  ATTR_PROCESSOR_WINDOW_TYPE,
} from '@proc/telemetry-semconv';

/**
 * Attribute keys of the stream-processor metrics: the keys spans and logs use for the same
 * concept (defined in `@proc/telemetry-semconv`), so a metric series and a span of one window
 * or event type match. Prometheus labels are these keys with dots as underscores
 * (`processor_event_type`).
 */
export const METRIC_ATTRIBUTES = Object.freeze({
  /** `processor.event.type`: the kind of event processed. */
  EVENT_TYPE: ATTR_PROCESSOR_EVENT_TYPE,
  /** `processor.window.type`: `tumbling`, `sliding`, `session`... */
  WINDOW_TYPE: ATTR_PROCESSOR_WINDOW_TYPE,
  /** `processor.aggregation.type`: `sum`, `count`, `avg`... */
  AGGREGATION_TYPE: ATTR_PROCESSOR_AGGREGATION_TYPE,
  /** `processor.state.backend`: `memory`, `redis`, `rocksdb`... */
  STATE_BACKEND: ATTR_PROCESSOR_STATE_BACKEND,
  /** `processor.state.operation.type`: `get`, `put`, `delete`... */
  STATE_OPERATION_TYPE: ATTR_PROCESSOR_STATE_OPERATION_TYPE,
  /** `error.type`: low-cardinality class of an error (semantic convention, stable). */
  ERROR_TYPE: ATTR_ERROR_TYPE,
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
  /** `messaging.destination.partition.id`: the partition an event came from (incubating). */
  MESSAGING_DESTINATION_PARTITION_ID: ATTR_MESSAGING_DESTINATION_PARTITION_ID,
} as const);
