/*
 * Attribute keys of stream processing that no OpenTelemetry semantic convention names, under
 * this project's `processor.` namespace. Spans, metrics and logs use the same key for the same
 * concept: a window's type is `processor.window.type` on a `processor.window.emit` span, on the
 * `processor.window.triggers` counter (Prometheus label `processor_window_type`) and in a log
 * record. Where a convention has a name (partition, offset, batch size, message id, consumer
 * group, destination), its `messaging.*` key in `semconv.ts` is used instead. Each constant is
 * named after its key.
 */

/** `processor.event.type`: the kind of event processed, e.g. `order`, `click`. Type: string. */
export const ATTR_PROCESSOR_EVENT_TYPE = 'processor.event.type' as const;

/** `processor.window.id`: the identifier of a window, e.g. `order@1700000000000`. Type: string. */
export const ATTR_PROCESSOR_WINDOW_ID = 'processor.window.id' as const;

/** `processor.window.type`: the kind of window: `tumbling`, `sliding`, `session`. Type: string. */
export const ATTR_PROCESSOR_WINDOW_TYPE = 'processor.window.type' as const;

/** `processor.window.start`: a window's start, epoch milliseconds (inclusive). Type: int. */
export const ATTR_PROCESSOR_WINDOW_START = 'processor.window.start' as const;

/** `processor.window.end`: a window's end, epoch milliseconds (exclusive). Type: int. */
export const ATTR_PROCESSOR_WINDOW_END = 'processor.window.end' as const;

/**
 * `processor.aggregation.type`: the aggregation computed over a window, e.g. `sum`, `count`,
 * `avg`, `p95`. Type: string.
 */
export const ATTR_PROCESSOR_AGGREGATION_TYPE = 'processor.aggregation.type' as const;

/** `processor.state.backend`: the state store: `memory`, `redis`, `rocksdb`... Type: string. */
export const ATTR_PROCESSOR_STATE_BACKEND = 'processor.state.backend' as const;

/**
 * `processor.state.operation.type`: the state-store operation: `get`, `put`, `delete`...
 * Type: string.
 */
export const ATTR_PROCESSOR_STATE_OPERATION_TYPE = 'processor.state.operation.type' as const;
