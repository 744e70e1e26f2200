import { type HrTime, trace } from '@opentelemetry/api';
import { millisToHrTime } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  type ReadableSpan,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { noteSpanStart, nowOnSpanClock } from '../../../src/internal/exemplars/span-clock.js';
import { SAMPLED } from '../../helpers/test-span-context.js';

// Exact: nanoseconds since the epoch are past 2^53, so not through a number.
const nanos = ([seconds, nanoseconds]: HrTime) =>
  BigInt(seconds) * 1_000_000_000n + BigInt(nanoseconds);

const processor = (onStart: () => void = () => {}): SpanProcessor => ({
  onStart,
  onEnd() {},
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
});

const noting: SpanProcessor = { ...processor(), onStart: (span) => noteSpanStart(span) };

/** Busy for `millis` on the monotonic clock: a process stall, without a timer. */
function stall(millis: number): void {
  const until = performance.now() + millis;
  while (performance.now() < until) {
    // spin
  }
}

/** The spans of `count` spans (noted at start) whose time read inside fell outside them. */
function outsideOf(
  count: number,
  options: { startTime?: () => number; before?: SpanProcessor } = {},
): { time: bigint; start: bigint; end: bigint }[] {
  const tracer = new BasicTracerProvider({
    spanProcessors: options.before ? [options.before, noting] : [noting],
  }).getTracer('span-clock-test');
  const outside: { time: bigint; start: bigint; end: bigint }[] = [];
  for (let i = 0; i < count; i++) {
    const startTime = options.startTime?.();
    const span = tracer.startSpan('short', startTime === undefined ? {} : { startTime });
    const time = nanos(nowOnSpanClock(span));
    span.end();
    const readable = span as unknown as ReadableSpan;
    const [start, end] = [nanos(readable.startTime), nanos(readable.endTime)];
    if (time < start || time > end) outside.push({ time, start, end });
  }
  return outside;
}

describe('nowOnSpanClock', () => {
  it('should read a time within [start, end] of every noted SDK span', () => {
    expect(outsideOf(1000)).toEqual([]);
  });

  it('should read a time within the span after a stall between the span start and onStart() (regression: past 100 ms the span went unnoted, and its exemplar a millisecond past its end)', () => {
    expect(outsideOf(20, { before: processor(() => stall(120)) })).toEqual([]);
  });

  it('should read a time within the span for a span given its start time, which ends on Date.now(): the current time, or one long before', () => {
    expect(outsideOf(1000, { startTime: () => Date.now() })).toEqual([]);
    expect(outsideOf(1000, { startTime: () => Date.now() - 60_000 })).toEqual([]);
  });

  it('should read within the clock margin (5 ms) of Date.now(), not the start, for a span given a start long before', () => {
    const span = { startTime: millisToHrTime(Date.now() - 60_000), spanContext: () => SAMPLED };
    noteSpanStart(span);
    const before = BigInt(Date.now() - 2 - 5) * 1_000_000n;
    const time = nanos(nowOnSpanClock(span as never));
    expect(time >= before && time <= BigInt(Date.now()) * 1_000_000n).toBe(true);
  });

  it('should read Date.now(), the SDK metric clock, without a span or for a span nobody noted', () => {
    for (const span of [undefined, trace.wrapSpanContext(SAMPLED)]) {
      const before = BigInt(Date.now()) * 1_000_000n;
      const time = nanos(nowOnSpanClock(span));
      const after = BigInt(Date.now()) * 1_000_000n;
      expect(time >= before && time <= after).toBe(true);
      expect(time % 1_000_000n).toBe(0n);
    }
  });

  it('should never read a time before the start, even of a span starting in the future', () => {
    const span = { startTime: millisToHrTime(Date.now() + 5_000), spanContext: () => SAMPLED };
    noteSpanStart(span);
    expect(nowOnSpanClock(span as never)).toEqual(span.startTime);
  });
});
