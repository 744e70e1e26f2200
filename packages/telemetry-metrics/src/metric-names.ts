import {
  METRIC_MESSAGING_CLIENT_CONSUMED_MESSAGES,
  METRIC_MESSAGING_PROCESS_DURATION,
} from '@proc/telemetry-semconv';

/**
 * Instrument names of a stream processor. The original module's eight names are kept unchanged
 * so dashboards carry over; units, kinds and descriptions are in `METRIC_DEFINITIONS`.
 */
export const METRIC_NAMES = Object.freeze({
  /** Events taken from the source (counter, `{event}`). */
  EVENTS_RECEIVED: 'processor.events.received',
  /** Events processed successfully (counter, `{event}`). From the original module. */
  EVENTS_PROCESSED: 'processor.events.processed',
  /** Events dropped, with `error.type` (counter, `{event}`). From the original module. */
  EVENTS_DROPPED: 'processor.events.dropped',
  /** Events that arrived after the watermark passed their window (counter, `{event}`). */
  EVENTS_LATE: 'processor.events.late',
  /** Time to process one event (histogram, `s`). From the original module. */
  PROCESSING_DURATION: 'processor.processing.duration',
  /** Windows fired (counter, `{trigger}`). From the original module. */
  WINDOW_TRIGGERS: 'processor.window.triggers',
  /** Windows currently open (up-down counter, `{window}`). */
  WINDOWS_ACTIVE: 'processor.windows.active',
  /** Time to compute one aggregation (histogram, `s`). From the original module. */
  AGGREGATION_DURATION: 'processor.aggregation.duration',
  /** Time of one state-store operation (histogram, `s`). From the original module. */
  STATE_OPERATION_DURATION: 'processor.state.operation.duration',
  /** Duplicate events discarded (counter, `{event}`). From the original module. */
  DEDUPLICATION_COUNT: 'processor.deduplication.count',
  /** How far the watermark trails the wall clock (gauge, `s`). From the original module. */
  WATERMARK_LAG: 'processor.watermark.lag',
  /** Events per processed batch (histogram, `{event}`). */
  BATCH_SIZE: 'processor.batch.size',
  /** From event time to the end of processing (histogram, `s`). */
  END_TO_END_LATENCY: 'processor.end_to_end.latency',
  /** `messaging.process.duration` (semantic convention, incubating; histogram, `s`). */
  MESSAGING_PROCESS_DURATION: METRIC_MESSAGING_PROCESS_DURATION,
  /** `messaging.client.consumed.messages` (semantic convention, incubating; counter, `{message}`). */
  MESSAGING_CLIENT_CONSUMED_MESSAGES: METRIC_MESSAGING_CLIENT_CONSUMED_MESSAGES,
} as const);
