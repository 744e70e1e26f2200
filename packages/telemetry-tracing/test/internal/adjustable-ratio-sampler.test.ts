import { ROOT_CONTEXT, SpanKind } from '@opentelemetry/api';
import {
  RandomIdGenerator,
  type Sampler,
  SamplingDecision,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import { createAdjustableRatioSampler } from '../../src/internal/adjustable-ratio-sampler.js';

const ids = new RandomIdGenerator();
const traceIds = Array.from({ length: 2000 }, () => ids.generateTraceId());
const decide = (sampler: Sampler, id: string) =>
  sampler.shouldSample(ROOT_CONTEXT, id, 'span', SpanKind.INTERNAL, {}, []).decision;

describe('createAdjustableRatioSampler', () => {
  describe('createAdjustableRatioSampler()', () => {
    it('should start as always_on, always_off or a ratio', () => {
      expect(createAdjustableRatioSampler('always_on').ratio).toBe(1);
      expect(createAdjustableRatioSampler('always_off').ratio).toBe(0);
      const sampler = createAdjustableRatioSampler(0.2);
      expect(sampler.ratio).toBe(0.2);
      expect(sampler.toString()).toBe('AdjustableRatioSampler{TraceIdRatioBased{0.2}}');
    });
  });

  describe('shouldSample', () => {
    it('should decide every trace id exactly as TraceIdRatioBasedSampler at the same ratio', () => {
      const sampler = createAdjustableRatioSampler(0.5);
      for (const ratio of [0.5, 0.01, 0.9, 0, 1]) {
        sampler.setRatio(ratio);
        const reference = new TraceIdRatioBasedSampler(ratio);
        for (const id of traceIds) expect(decide(sampler, id)).toBe(decide(reference, id));
      }
    });

    it('should keep sampling a trace when the ratio grows (decisions are nested)', () => {
      const sampler = createAdjustableRatioSampler(0.1);
      const sampledAtLow = traceIds.filter(
        (id) => decide(sampler, id) === SamplingDecision.RECORD_AND_SAMPLED,
      );
      sampler.setRatio(0.6);
      for (const id of sampledAtLow) {
        expect(decide(sampler, id)).toBe(SamplingDecision.RECORD_AND_SAMPLED);
      }
    });
  });

  describe('setRatio', () => {
    it.each([-1, 2, Number.NaN, '0.3'])('should reject %p and keep the old ratio', (bad) => {
      const sampler = createAdjustableRatioSampler('always_on');
      expect(() => sampler.setRatio(bad as number)).toThrow(RangeError);
      expect(sampler.ratio).toBe(1);
      expect(sampler.toString()).toBe('AdjustableRatioSampler{AlwaysOnSampler}');
    });
  });
});
