import { type HrTime, trace } from '@opentelemetry/api';
import { BasicTracerProvider, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { nowOnSpanClock } from '../../../src/internal/exemplars/span-clock.js';
import { SAMPLED } from '../../helpers/test-span-context.js';

// Exact: nanoseconds since the epoch are past 2^53, so not through a number.
const nanos = ([seconds, nanoseconds]: HrTime) =>
  BigInt(seconds) * 1_000_000_000n + BigInt(nanoseconds);

/** The times of `count` spans that read the clock once each, and how many fell outside. */
function countOutside(count: number, startTime?: () => number): number {
  const tracer = new BasicTracerProvider().getTracer('span-clock-test');
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
  it('should read a time within [start, end] of every SDK span, also across millisecond boundaries', () => {
    expect(countOutside(5000)).toBe(0);
  });

  it('should read Date.now() for a span started at a given time, which ends on Date.now() too', () => {
    expect(countOutside(2000, () => Date.now())).toBe(0);
  });

  it('should read Date.now(), the SDK metric clock, without a span or for a span the SDK did not start', () => {
    for (const span of [undefined, trace.wrapSpanContext(SAMPLED)]) {
      const before = BigInt(Date.now()) * 1_000_000n;
      const time = nanos(nowOnSpanClock(span));
      const after = BigInt(Date.now()) * 1_000_000n;
      expect(time >= before && time <= after).toBe(true);
      expect(time % 1_000_000n).toBe(0n);
    }
  });
});
