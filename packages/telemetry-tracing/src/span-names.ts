/*
 * Span names of stream processing, under this project's `processor.` namespace (the messaging
 * conventions name only the `<operation> <destination>` spans of a consumer, which
 * `@proc/telemetry-context` starts). The attribute keys these spans carry, shared with metrics
 * and logs, are in `@proc/telemetry-semconv`.
 */

/** Span: one event handled by the processor (kind CONSUMER for a consumed record). */
export const SPAN_PROCESS_EVENT = 'processor.process_event' as const;
/** Span: a batch of events handled together. */
export const SPAN_PROCESS_BATCH = 'processor.process_batch' as const;
/** Span: events read from the source (poll/receive). */
export const SPAN_RECEIVE_BATCH = 'processor.receive_batch' as const;
/** Span: an event added to a window's aggregate. */
export const SPAN_WINDOW_AGGREGATE = 'processor.window.aggregate' as const;
/** Span: a closed window's result emitted downstream. */
export const SPAN_WINDOW_EMIT = 'processor.window.emit' as const;
/** Span: results sent to the sink (kind PRODUCER). */
export const SPAN_PUBLISH_RESULT = 'processor.publish_result' as const;
/** Span: source offsets committed (checkpoint). */
export const SPAN_CHECKPOINT = 'processor.checkpoint' as const;
