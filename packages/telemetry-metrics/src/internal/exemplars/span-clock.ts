import type { HrTime, Span } from '@opentelemetry/api';
import { addHrTimes, millisToHrTime, otperformance } from '@opentelemetry/core';

/**
 * What an SDK span's own clock is made of (`SpanImpl` of `@opentelemetry/sdk-trace` 2.x, which
 * `sdk-trace-base` re-exports). `startTime` is public (`ReadableSpan`); the other two are private
 * fields, read only when they have the expected types.
 */
interface SdkSpanClock {
  readonly startTime: HrTime;
  /** `otperformance.now()` when the span started. */
  readonly _performanceStartTime: number;
  /** Whether the start time was given by the caller: then the span ends on `Date.now()`. */
  readonly _startTimeProvided: boolean;
}

function isSdkSpanClock(span: object): span is SdkSpanClock {
  const fields = span as Partial<Record<keyof SdkSpanClock, unknown>>;
  return (
    typeof fields._performanceStartTime === 'number' &&
    typeof fields._startTimeProvided === 'boolean' &&
    Array.isArray(fields.startTime)
  );
}

/**
 * The time now on the clock that `span`'s own start and end times are taken from, so an exemplar
 * recorded inside a span lies within [start, end].
 *
 * An SDK span starts at `Date.now()` (whole milliseconds) and ends at that start plus the
 * monotonic time elapsed since (`otperformance.now()`). Neither `hrTime()` (time origin plus the
 * monotonic clock, which drifts from `Date.now()` and keeps the sub-millisecond part the start
 * dropped: nearly every exemplar of a short span fell outside it) nor `Date.now()` alone (one
 * millisecond ahead of the span's end whenever a millisecond boundary passed since its start)
 * stays inside every span; this mirrors `SpanImpl._getTime()` of `@opentelemetry/sdk-trace`
 * 2.12. For a span with a caller-given start time, and for any other span (a remote parent, a
 * non-SDK tracer, a future SDK whose fields differ), `Date.now()`: the clock the SDK takes metric
 * times from. The exemplar wire test of `@proc/telemetry` fails when an SDK upgrade moves the
 * fields.
 */
export function nowOnSpanClock(span: Span | undefined): HrTime {
  if (span !== undefined && isSdkSpanClock(span) && !span._startTimeProvided) {
    const elapsedMillis = otperformance.now() - span._performanceStartTime;
    return addHrTimes(span.startTime, millisToHrTime(elapsedMillis));
  }
  return millisToHrTime(Date.now());
}
