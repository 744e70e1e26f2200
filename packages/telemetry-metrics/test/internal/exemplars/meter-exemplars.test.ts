import { context } from '@opentelemetry/api';
import {
  createMeterExemplars,
  EXEMPLAR_SERIES_LIMIT,
} from '../../../src/internal/exemplars/meter-exemplars.js';
import {
  enableTestContext,
  SAMPLED,
  UNSAMPLED,
  withSpanContext,
} from '../../helpers/test-span-context.js';

describe('createMeterExemplars', () => {
  beforeEach(() => enableTestContext());
  afterEach(() => context.disable());

  describe('offer', () => {
    it('should keep a measurement made inside a sampled span, with its trace and span id', () => {
      const exemplars = createMeterExemplars('trace_based');
      withSpanContext(SAMPLED, () => exemplars.offer('c', 'counter', 3, { a: 'x' }, false));
      const kept = exemplars.take().get('c');
      expect(kept).toEqual([
        {
          value: 3,
          time: expect.any(Array),
          traceId: SAMPLED.traceId,
          spanId: SAMPLED.spanId,
          attributes: { a: 'x' },
        },
      ]);
    });

    it('should keep nothing outside a span or inside an unsampled one under trace_based', () => {
      const exemplars = createMeterExemplars('trace_based');
      exemplars.offer('c', 'counter', 1, {}, false);
      withSpanContext(UNSAMPLED, () => exemplars.offer('c', 'counter', 2, {}, false));
      expect(exemplars.take().size).toBe(0);
    });

    it('should keep every measurement under always_on, with ids only when a span is active', () => {
      const exemplars = createMeterExemplars('always_on');
      exemplars.offer('c', 'counter', 1, { s: '1' }, false);
      withSpanContext(UNSAMPLED, () => exemplars.offer('c', 'counter', 2, { s: '2' }, false));
      const kept = exemplars.take().get('c') ?? [];
      expect(kept.map((e) => [e.value, e.traceId, e.spanId])).toEqual([
        [1, undefined, undefined],
        [2, UNSAMPLED.traceId, UNSAMPLED.spanId],
      ]);
    });

    it('should keep the latest exemplar per counter series', () => {
      const exemplars = createMeterExemplars('trace_based');
      withSpanContext(SAMPLED, () => {
        exemplars.offer('c', 'counter', 1, { a: 'x' }, false);
        exemplars.offer('c', 'counter', 2, { a: 'x' }, false);
        exemplars.offer('c', 'counter', 5, { a: 'y' }, false);
      });
      expect(
        exemplars
          .take()
          .get('c')
          ?.map((e) => e.value),
      ).toEqual([2, 5]);
    });

    it('should keep the largest and the latest exemplar per histogram series', () => {
      const exemplars = createMeterExemplars('trace_based');
      withSpanContext(SAMPLED, () => {
        for (const value of [0.1, 9, 0.2, 0.3]) {
          exemplars.offer('h', 'histogram', value, { a: 'x' }, false);
        }
      });
      expect(
        exemplars
          .take()
          .get('h')
          ?.map((e) => e.value),
      ).toEqual([9, 0.3]);
    });

    it('should keep one exemplar when the latest histogram value is also the largest', () => {
      const exemplars = createMeterExemplars('trace_based');
      withSpanContext(SAMPLED, () => {
        exemplars.offer('h', 'histogram', 1, {}, false);
        exemplars.offer('h', 'histogram', 2, {}, false);
      });
      expect(
        exemplars
          .take()
          .get('h')
          ?.map((e) => e.value),
      ).toEqual([2]);
    });

    it('should match series by attribute values whatever the key order', () => {
      const exemplars = createMeterExemplars('trace_based');
      withSpanContext(SAMPLED, () => {
        exemplars.offer('c', 'counter', 1, { a: '1', b: '2' }, false);
        exemplars.offer('c', 'counter', 2, { b: '2', a: '1' }, false);
      });
      expect(
        exemplars
          .take()
          .get('c')
          ?.map((e) => e.value),
      ).toEqual([2]);
    });

    it(`should keep at most ${EXEMPLAR_SERIES_LIMIT} series per instrument, still updating known ones`, () => {
      const exemplars = createMeterExemplars('trace_based');
      withSpanContext(SAMPLED, () => {
        for (let i = 0; i <= EXEMPLAR_SERIES_LIMIT; i++) {
          exemplars.offer('c', 'counter', i, { i }, false);
        }
        exemplars.offer('c', 'counter', 42, { i: 0 }, false);
      });
      const kept = exemplars.take().get('c') ?? [];
      expect(kept).toHaveLength(EXEMPLAR_SERIES_LIMIT);
      expect(kept.map((e) => e.attributes.i)).not.toContain(EXEMPLAR_SERIES_LIMIT);
      expect(kept.find((e) => e.attributes.i === 0)?.value).toBe(42);
    });

    it('should copy the attributes when asked, so a reused object cannot change a kept exemplar', () => {
      const exemplars = createMeterExemplars('trace_based');
      const attributes = { partition: '1' };
      withSpanContext(SAMPLED, () => {
        exemplars.offer('c', 'counter', 1, attributes, true);
        attributes.partition = '2';
        exemplars.offer('c', 'counter', 2, attributes, true);
      });
      const kept = exemplars.take().get('c') ?? [];
      expect(kept.map((e) => [e.attributes.partition, e.value])).toEqual([
        ['1', 1],
        ['2', 2],
      ]);
    });
  });

  describe('take', () => {
    it('should empty the reservoirs, so the next export only gets newer exemplars', () => {
      const exemplars = createMeterExemplars('trace_based');
      withSpanContext(SAMPLED, () => exemplars.offer('c', 'counter', 1, {}, false));
      expect(exemplars.take().get('c')).toHaveLength(1);
      expect(exemplars.take().size).toBe(0);
      withSpanContext(SAMPLED, () => exemplars.offer('c', 'counter', 2, {}, false));
      expect(
        exemplars
          .take()
          .get('c')
          ?.map((e) => e.value),
      ).toEqual([2]);
    });
  });
});
