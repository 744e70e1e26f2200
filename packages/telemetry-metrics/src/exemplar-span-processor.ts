import { noteSpanStart } from './internal/exemplars/span-clock.js';
import type { ExemplarSpanProcessor } from './types.js';

/**
 * Creates a span processor that puts exemplar times on their span's own clock. Add it to the
 * tracer provider (`@proc/telemetry`'s `initTelemetry()` does): an SDK span ends at its start
 * plus the monotonic time elapsed, so without this processor an exemplar (timed by
 * `Date.now()`, the SDK's metric clock) of a sub-millisecond span can land up to a millisecond
 * after the span's end. It keeps one small entry per span, released with the span.
 *
 * @example
 * initTracerProvider(config.traces, resource, { spanProcessors: [createExemplarSpanProcessor()] });
 */
export function createExemplarSpanProcessor(): ExemplarSpanProcessor {
  return {
    onStart(span) {
      noteSpanStart(span);
    },
    onEnd() {},
    forceFlush: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
  };
}
