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
  readonly startMillis: number;
  /** `otperformance.now()` when the span processor saw the span start. */
  readonly performanceStart: number;
  /** Milliseconds from `startTime` to that moment that the span's own clock surely counts. */
  readonly credit: number;
}

/**
 * Below this gap between a span's `startTime` and `onStart()` nothing is credited: the SDK's
 * monotonic clock and `Date.now()` drift and step against each other by milliseconds under load
 * (seen: 3 ms on a loaded 2-core machine), so a small gap says nothing reliable, and crediting it
 * put exemplars past their span's end. Reading a little early stays within the span.
 */
const CREDIT_THRESHOLD_MILLIS = 50;

/**
 * What is taken off a larger gap (a real stall of the process, or a start given long before):
 * 1 ms because both `Date.now()` readings are whole milliseconds, and the rest for the drift
 * between the two clocks.
 */
const CREDIT_MARGIN_MILLIS = 5;

// Kept on the span object itself, which is what `trace.getSpan(context)` returns for it later, so
// it is collected with the span. A property under a symbol of this module, not a WeakMap entry:
// this runs for every sampled span, and a WeakMap entry per span cost a hash insert and an
// ephemeron for the garbage collector to trace (docs/benchmarks.md, suite 6). A symbol key is
// not seen by exporters, `Object.keys()` or `JSON.stringify()`.
const SPAN_START = Symbol('@proc/telemetry-metrics span start');

interface NotedSpan {
  [SPAN_START]?: SpanStart;
}

/**
 * Notes, from a span processor's `onStart()`, the monotonic time at which `span` is seen to
 * start, and how long after its `startTime` that is. A span's own clock is one of two
 * (`SpanImpl` of `@opentelemetry/sdk-trace` 2.x): a span the SDK timed itself starts at
 * `Date.now()` and ends at that plus the monotonic time elapsed; a span given a start time ends
 * at `Date.now()`. The time between `startTime` and this call (a stall of the process, or how far
 * back a given start lies) is credited when it exceeds {@link CREDIT_THRESHOLD_MILLIS}, less
 * {@link CREDIT_MARGIN_MILLIS}, so that
 * {@link nowOnSpanClock} stays within the span on either clock.
 */
export function noteSpanStart(span: StartingSpan): void {
  const performanceStart = otperformance.now();
  const now = Date.now();
  const startTime = span.startTime;
  if (!Array.isArray(startTime)) return;
  const startMillis = hrTimeToMilliseconds(startTime);
  const gap = now - startMillis;
  const credit = gap > CREDIT_THRESHOLD_MILLIS ? gap - CREDIT_MARGIN_MILLIS : 0;
  try {
    (span as NotedSpan)[SPAN_START] = { startTime, startMillis, performanceStart, credit };
  } catch {
    // A frozen span object (not the SDK's) keeps no start: nowOnSpanClock() uses Date.now().
  }
}

/**
 * The time now on the clock that `span`'s own start and end are taken from, so an exemplar
 * recorded inside the span lies within its [start, end].
 *
 * For a span {@link noteSpanStart} noted: its start plus the credited time plus the monotonic
 * time elapsed since it was noted, but not past `Date.now()` and not before the start. On the
 * SDK's monotonic clock that is at most the span's own reading (the credit never exceeds the
 * time the SDK's clock had already counted when the span was noted); on `Date.now()` it is at
 * most `Date.now()`; both are at least the start. Neither `hrTime()` (time origin plus the
 * monotonic clock, which drifts from `Date.now()`: nearly every exemplar of a short span fell
 * outside it) nor `Date.now()` alone (a millisecond past the span's end whenever a millisecond
 * boundary passed since its start) would do.
 *
 * For any other span (none active, a remote parent, another tracer, or no span processor noting
 * starts): `Date.now()`, the clock the SDK takes metric point times from.
 */
export function nowOnSpanClock(span: Span | undefined): HrTime {
  const now = Date.now();
  const start = span === undefined ? undefined : (span as NotedSpan)[SPAN_START];
  if (start === undefined) return millisToHrTime(now);
  if (now <= start.startMillis) return start.startTime;
  const sinceStartMillis = start.credit + otperformance.now() - start.performanceStart;
  if (now < start.startMillis + sinceStartMillis) return millisToHrTime(now);
  return addHrTimes(start.startTime, millisToHrTime(sinceStartMillis));
}
