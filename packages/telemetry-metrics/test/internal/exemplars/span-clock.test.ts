import { type HrTime, trace } from '@opentelemetry/api';
import { millisToHrTime } from '@opentelemetry/core';
import { BasicTracerProvider, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { noteSpanStart, nowOnSpanClock } from '../../../src/internal/exemplars/span-clock.js';
import { SAMPLED } from '../../helpers/test-span-context.js';

// Exact: nanoseconds since the epoch are past 2^53, so not through a number.
const nanos = ([seconds, nanoseconds]: HrTime) =>
  BigInt(seconds) * 1_000_000_000n + BigInt(nanoseconds);

/** A span-like object with `startTime`, as a span processor sees it. */
const startingAt = (millis: number) => ({
  startTime: millisToHrTime(millis),
  spanContext: () => SAMPLED,
});

/** How many of `count` spans (noted at start) read a time outside their [start, end]. */
function countOutside(count: number, startTime?: () => number): number {
  const tracer = new BasicTracerProvider({
    spanProcessors: [
      {
        onStart: (span) => noteSpanStart(span),
        onEnd() {},
        forceFlush: () => Promise.resolve(),
        shutdown: () => Promise.resolve(),
      },
    ],
  }).getTracer('span-clock-test');
  let outside = 0;
  for (let i = 0; i < count; i++) {
    const span = tracer.startSpan('short', startTime ? { startTime: startTime() } : {});
    const time = nanos(nowOnSpanClock(span));
    span.end();
    const { startTime: start, endTime: end } = span as unknown as ReadableSpan;
    if (time < nanos(start) || time > nanos(end)) outside++;
  }
  return outside;
}

describe('nowOnSpanClock', () => {
  it('should read a time within [start, end] of every noted SDK span', () => {
    expect(countOutside(1000)).toBe(0);
  });

  it('should read a time within the span for a span given the current time as its start, which ends on Date.now()', () => {
    expect(countOutside(2000, () => Date.now())).toBe(0);
  });

  it('should read Date.now(), the SDK metric clock, without a span, for a span nobody noted, and for a start given long before', () => {
    const longAgo = startingAt(Date.now() - 60_000);
    noteSpanStart(longAgo);
    for (const span of [undefined, trace.wrapSpanContext(SAMPLED), longAgo]) {
      const before = BigInt(Date.now()) * 1_000_000n;
      const time = nanos(nowOnSpanClock(span as never));
      const after = BigInt(Date.now()) * 1_000_000n;
      expect(time >= before && time <= after).toBe(true);
      expect(time % 1_000_000n).toBe(0n);
    }
  });

  it('should never read a time before the start of a noted span', () => {
    const span = startingAt(Date.now());
    noteSpanStart(span);
    expect(nanos(nowOnSpanClock(span as never)) >= nanos(span.startTime)).toBe(true);
  });
});

describe('noteSpanStart', () => {
  it('should note only a start time in whole milliseconds within the last 100 ms, as the SDK takes it', () => {
    const fractional = { startTime: [Math.floor(Date.now() / 1000), 123] as HrTime };
    const future = startingAt(Date.now() + 5_000);
    for (const span of [fractional, future]) {
      noteSpanStart(span);
      const time = nanos(nowOnSpanClock(span as never));
      expect(time % 1_000_000n).toBe(0n);
      expect(time <= BigInt(Date.now()) * 1_000_000n).toBe(true);
    }
  });
});
