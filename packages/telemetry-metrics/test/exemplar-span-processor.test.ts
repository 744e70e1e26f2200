import type { HrTime } from '@opentelemetry/api';
import { BasicTracerProvider, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createExemplarSpanProcessor } from '../src/index.js';
import { nowOnSpanClock } from '../src/internal/exemplars/span-clock.js';

// Exact: nanoseconds since the epoch are past 2^53, so not through a number.
const nanos = ([seconds, nanoseconds]: HrTime) =>
  BigInt(seconds) * 1_000_000_000n + BigInt(nanoseconds);

describe('createExemplarSpanProcessor', () => {
  it('should make the time read inside each of 5000 short SDK spans lie within its [start, end], also across millisecond boundaries (regression: Date.now() fell past sub-millisecond spans)', async () => {
    const provider = new BasicTracerProvider({ spanProcessors: [createExemplarSpanProcessor()] });
    const tracer = provider.getTracer('exemplar-span-processor-test');
    const outside: { time: bigint; start: bigint; end: bigint }[] = [];
    for (let i = 0; i < 5000; i++) {
      const span = tracer.startSpan('short');
      const time = nanos(nowOnSpanClock(span));
      span.end();
      const { startTime, endTime } = span as unknown as ReadableSpan;
      const [start, end] = [nanos(startTime), nanos(endTime)];
      if (time < start || time > end) outside.push({ time, start, end });
    }
    expect(outside.slice(0, 3)).toEqual([]);
    await provider.shutdown();
  });

  it('should flush and shut down at once, holding nothing', async () => {
    const processor = createExemplarSpanProcessor();
    await expect(processor.forceFlush()).resolves.toBeUndefined();
    await expect(processor.shutdown()).resolves.toBeUndefined();
  });
});
