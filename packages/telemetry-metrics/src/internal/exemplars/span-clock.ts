import type { HrTime, Span } from '@opentelemetry/api';
import {
  addHrTimes,
  hrTimeToMilliseconds,
  millisToHrTime,
  otperformance,
} from '@opentelemetry/core';

/** What a span processor's `onStart()` gets of an SDK span: `ReadableSpan.startTime` is public. */
export interface StartingSpan {
  readonly startTime: HrTime;
}

interface SpanStart {
  readonly startTime: HrTime;
  /** `startTime` in milliseconds since the epoch: a whole number. */
  readonly startMillis: number;
  /** `otperformance.now()` when the span processor saw the span start. */
  readonly performanceStart: number;
}

/**
 * How far before `Date.now()` in `onStart()` a start time may lie and still be taken for one the
 * SDK set itself. The SDK takes `Date.now()` a few microseconds before it calls `onStart()`; a
 * start time given by the caller (a message's enqueue time, say) lies further back.
 */
const SDK_START_WINDOW_MILLIS = 100;

// Keyed by the span object, which is what `trace.getSpan(context)` returns for it later. A WeakMap,
// so a span nobody holds any more is collected with its entry.
const starts = new WeakMap<object, SpanStart>();

/**
 * Notes the monotonic time `span` starts at, from a span processor's `onStart()`. Only a span
 * whose start the SDK took itself is noted: `Date.now()` in whole milliseconds, at most
 * {@link SDK_START_WINDOW_MILLIS} back. Such a span ends at its start plus the monotonic time
 * elapsed (`SpanImpl` of `@opentelemetry/sdk-trace` 2.x); a span with a start time given by the
 * caller ends at `Date.now()`, the clock {@link nowOnSpanClock} uses for spans it has not noted.
 */
export function noteSpanStart(span: StartingSpan): void {
  const performanceStart = otperformance.now();
  const now = Date.now();
  const startTime = span.startTime;
  if (!Array.isArray(startTime) || startTime[1] % 1_000_000 !== 0) return;
  const startMillis = hrTimeToMilliseconds(startTime);
  if (startMillis > now || startMillis < now - SDK_START_WINDOW_MILLIS) return;
  starts.set(span, { startTime, startMillis, performanceStart });
}

/**
 * The time now on the clock that `span`'s own start and end are taken from, so an exemplar
 * recorded inside the span lies within its [start, end].
 *
 * For a span {@link noteSpanStart} noted: the earlier of its start plus the monotonic time elapsed
 * since (the SDK's clock for its end) and `Date.now()`, but not before its start. Both clocks
 * pass the span's start; the earlier of the two lies before the end whichever of them the span
 * ends on, so a start time the window mistook for the SDK's own still gives a time inside the
 * span. Neither `hrTime()` (time origin plus the monotonic clock, which drifts from `Date.now()`:
 * nearly every exemplar of a short span fell outside it) nor `Date.now()` alone (a millisecond
 * past the span's end whenever a millisecond boundary passed since its start) would.
 *
 * For any other span (none active, a remote parent, another tracer, a span with a caller-given
 * start, or no span processor noting starts): `Date.now()`, the clock the SDK takes metric point
 * times from.
 */
export function nowOnSpanClock(span: Span | undefined): HrTime {
  const now = Date.now();
  const start = span === undefined ? undefined : starts.get(span);
  if (start === undefined) return millisToHrTime(now);
  if (now <= start.startMillis) return start.startTime;
  const elapsedMillis = otperformance.now() - start.performanceStart;
  if (now < start.startMillis + elapsedMillis) return millisToHrTime(now);
  return addHrTimes(start.startTime, millisToHrTime(elapsedMillis));
}
