import { isValidSpanId, isValidTraceId } from '@opentelemetry/api';
import { createPooledIdGenerator } from '../../src/internal/pooled-id-generator.js';

describe('createPooledIdGenerator', () => {
  it('makes valid, distinct lowercase hex ids across many pool refills, trace and span ids interleaved', () => {
    const ids = createPooledIdGenerator();
    const seen = new Set<string>();
    // 3,000 rounds of one trace id and two span ids: 12,000 span-id slots, about 12 pools.
    for (let i = 0; i < 3000; i++) {
      const traceId = ids.generateTraceId();
      const spanIds = [ids.generateSpanId(), ids.generateSpanId()];
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(isValidTraceId(traceId)).toBe(true);
      for (const spanId of spanIds) {
        expect(spanId).toMatch(/^[0-9a-f]{16}$/);
        expect(isValidSpanId(spanId)).toBe(true);
        seen.add(spanId);
      }
      seen.add(traceId);
    }
    expect(seen.size).toBe(9000);
  });

  it('spreads the ids over every hex digit in every position', () => {
    const ids = createPooledIdGenerator();
    const digitsAt = Array.from({ length: 32 }, () => new Set<string>());
    for (let i = 0; i < 2000; i++) {
      const traceId = ids.generateTraceId();
      for (let at = 0; at < 32; at++) digitsAt[at]!.add(traceId[at]!);
    }
    for (const digits of digitsAt) expect(digits.size).toBe(16);
  });

  it('never makes an all-zero id, even when the random source gives only zeros', () => {
    const ids = createPooledIdGenerator((bytes) => bytes.fill(0));
    for (let i = 0; i < 2000; i++) {
      const spanId = ids.generateSpanId();
      expect(spanId).toBe('0000000000000001');
      expect(isValidSpanId(spanId)).toBe(true);
      const traceId = ids.generateTraceId();
      expect(traceId).toBe('00000000000000010000000000000001');
      expect(isValidTraceId(traceId)).toBe(true);
    }
  });

  it('takes its bytes from the random source in order, each id from whole 8-byte slots', () => {
    let fills = 0;
    const ids = createPooledIdGenerator((bytes) => {
      fills++;
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i + fills) & 0xff;
    });
    // The first pool starts at byte value 1 (fill 1): slot 0 is 01..08, slot 1 09..10.
    expect(ids.generateSpanId()).toBe('0102030405060708');
    expect(ids.generateTraceId()).toBe('090a0b0c0d0e0f101112131415161718');
    // 1,024 slots per pool: 3 used, 1,021 left; a trace id needs 2, so the pool runs dry with
    // one slot left after 510 more, and the next trace id comes whole from a new fill.
    for (let i = 0; i < 510; i++) ids.generateTraceId();
    expect(fills).toBe(1);
    expect(ids.generateTraceId()).toBe('02030405060708090a0b0c0d0e0f1011');
    expect(fills).toBe(2);
  });
});
