import { createSeriesReservoir } from '../../../src/internal/exemplars/exemplar-reservoir.js';
import type { RecordedExemplar } from '../../../src/internal/exemplars/types.js';

const exemplar = (value: number): RecordedExemplar => ({
  value,
  time: [1_700_000_000, 0],
  filteredAttributes: {},
});

/** mulberry32: a seeded generator, so the distribution test draws the same numbers every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The values kept, offering `count` measurements 1…count as a caller does (keep when told). */
function offerAll(reservoir: ReturnType<typeof createSeriesReservoir>, count: number): number[] {
  const keptAt: number[] = [];
  for (let value = 1; value <= count; value++) {
    if (reservoir.offer()) {
      keptAt.push(value);
      reservoir.keep(exemplar(value));
    }
  }
  return keptAt;
}

describe('createSeriesReservoir', () => {
  describe.each(['counter', 'upDownCounter', 'gauge'] as const)('of a %s', (kind) => {
    it('should keep the first measurement, and nothing before one is offered', () => {
      const reservoir = createSeriesReservoir(kind, () => 0.999);
      expect(reservoir.kept()).toEqual([]);
      expect(reservoir.offer()).toBe(true);
      reservoir.keep(exemplar(5));
      expect(reservoir.kept()).toEqual([exemplar(5)]);
    });

    it('should draw the next measurement to keep only when it keeps one', () => {
      let draws = 0;
      const reservoir = createSeriesReservoir(kind, () => {
        draws++;
        return 0.5;
      });
      // u = 0.5: after the n-th, the next kept is floor(n / 0.5) + 1 = 2n + 1.
      expect(offerAll(reservoir, 20)).toEqual([1, 3, 7, 15]);
      expect(draws).toBe(4);
      expect(reservoir.kept().map((e) => e.value)).toEqual([15]);
    });

    it('should keep every measurement when the draw is 0 (the largest u)', () => {
      const reservoir = createSeriesReservoir(kind, () => 0);
      expect(offerAll(reservoir, 5)).toEqual([1, 2, 3, 4, 5]);
      expect(reservoir.kept().map((e) => e.value)).toEqual([5]);
    });

    it('should keep each of n measurements with probability 1/n (uniform reservoir sampling)', () => {
      const random = seeded(16);
      const count = 10;
      const trials = 40_000;
      const keptTimes = new Array<number>(count + 1).fill(0);
      for (let trial = 0; trial < trials; trial++) {
        const reservoir = createSeriesReservoir(kind, random);
        offerAll(reservoir, count);
        const kept = reservoir.kept()[0]?.value ?? 0;
        keptTimes[kept] = (keptTimes[kept] ?? 0) + 1;
      }
      // 1/10 each; the standard deviation of a share is 0.0015 here, the bound is 6 of them.
      for (let value = 1; value <= count; value++) {
        expect(Math.abs((keptTimes[value] ?? 0) / trials - 1 / count)).toBeLessThan(0.009);
      }
      expect(keptTimes[0]).toBe(0);
    });
  });

  describe('of a histogram', () => {
    it('should keep every measurement offered as the latest, and the largest before it', () => {
      const reservoir = createSeriesReservoir('histogram', () => 0.999);
      expect(offerAll(reservoir, 0)).toEqual([]);
      expect(reservoir.kept()).toEqual([]);
      for (const value of [0.1, 9, 0.2, 0.3]) {
        expect(reservoir.offer()).toBe(true);
        reservoir.keep(exemplar(value));
      }
      expect(reservoir.kept().map((e) => e.value)).toEqual([9, 0.3]);
    });

    it('should keep one exemplar when the latest is also the largest', () => {
      const reservoir = createSeriesReservoir('histogram', () => 0.999);
      offerAll(reservoir, 2);
      expect(reservoir.kept().map((e) => e.value)).toEqual([2]);
    });
  });
});
