import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { createExemplarStore, scopeKey } from '../../../src/internal/exemplars/exemplar-store.js';
import {
  createMeasurementExemplars,
  type ExemplarInstrument,
} from '../../../src/internal/exemplars/measurement-exemplars.js';
import { createMeasurementTap } from '../../../src/internal/exemplars/measurement-tap.js';
import type {
  ActiveExemplarFilter,
  ExemplarInstrumentKind,
} from '../../../src/internal/exemplars/types.js';
import {
  enableTestContext,
  SAMPLED,
  UNSAMPLED,
  withSpanContext,
} from '../../helpers/test-span-context.js';

const SCOPE = { name: 'm' };

function setup(filter: ActiveExemplarFilter, random?: () => number) {
  const store = createExemplarStore(random === undefined ? {} : { random });
  const exemplars = createMeasurementExemplars(filter, store, createMeasurementTap());
  const instrument = (name: string, kind: ExemplarInstrumentKind): ExemplarInstrument =>
    exemplars.instrument(scopeKey(SCOPE), name, kind, false);
  const counter = instrument('c', 'counter');
  const record = (value: number, attributes = {}, measured = counter) => {
    let forwarded = 0;
    const admitted = exemplars.admit(undefined);
    if (admitted !== undefined) {
      exemplars.record(measured, admitted, value, attributes, undefined, () => forwarded++);
    } else {
      forwarded++;
    }
    return forwarded;
  };
  return { exemplars, store, record, instrument, counter };
}

describe('createMeasurementExemplars', () => {
  beforeEach(() => enableTestContext());
  afterEach(() => context.disable());

  describe('admit', () => {
    it('should admit, under trace_based, a measurement made in a valid sampled span only', () => {
      const { exemplars } = setup('trace_based');
      expect(exemplars.admit(undefined)).toBeUndefined();
      expect(withSpanContext(UNSAMPLED, () => exemplars.admit(undefined))).toBeUndefined();
      const invalid = { ...SAMPLED, traceId: '0'.repeat(32) };
      expect(withSpanContext(invalid, () => exemplars.admit(undefined))).toBeUndefined();
      expect(withSpanContext(SAMPLED, () => exemplars.admit(undefined))?.spanContext).toEqual(
        SAMPLED,
      );
    });

    it('should admit every measurement under always_on, with the span only when one is valid', () => {
      const { exemplars } = setup('always_on');
      expect(exemplars.admit(undefined)).toEqual({});
      expect(withSpanContext(UNSAMPLED, () => exemplars.admit(undefined))?.spanContext).toEqual(
        UNSAMPLED,
      );
    });

    it('should read the span of the context it is given', () => {
      const { exemplars } = setup('trace_based');
      const sampled = trace.setSpanContext(ROOT_CONTEXT, SAMPLED);
      expect(exemplars.admit(sampled)?.spanContext).toEqual(SAMPLED);
    });
  });

  describe('record', () => {
    it('should forward every measurement once and keep the admitted ones with their ids', () => {
      const { record, store } = setup('trace_based');
      expect(record(1, { a: 'x' })).toBe(1);
      expect(withSpanContext(SAMPLED, () => record(3, { a: 'x' }))).toBe(1);
      expect(store.take().forPoint(SCOPE, 'c', { a: 'x' })).toEqual([
        {
          value: 3,
          time: expect.any(Array),
          traceId: SAMPLED.traceId,
          spanId: SAMPLED.spanId,
          filteredAttributes: {},
        },
      ]);
    });

    it("should forward every measurement and keep the one the series' reservoir takes", () => {
      // random() 0.5: the reservoir keeps the 1st, 3rd and 7th measurement of a counter series.
      const { record, store } = setup('trace_based', () => 0.5);
      const forwarded = withSpanContext(SAMPLED, () => {
        let count = 0;
        for (let value = 1; value <= 10; value++) count += record(value, { a: 'x' });
        return count;
      });
      expect(forwarded).toBe(10);
      expect(store.take().forPoint(SCOPE, 'c', { a: 'x' })).toEqual([
        {
          value: 7,
          time: expect.any(Array),
          traceId: SAMPLED.traceId,
          spanId: SAMPLED.spanId,
          filteredAttributes: {},
        },
      ]);
    });

    it('should keep exemplars without ids under always_on outside a span', () => {
      const { record, store } = setup('always_on');
      record(1);
      expect(store.take().forPoint(SCOPE, 'c', {})).toEqual([
        { value: 1, time: expect.any(Array), filteredAttributes: {} },
      ]);
    });

    it('should keep no exemplar for a negative counter or histogram value, which the SDK drops (regression: the dropped value became the series exemplar)', () => {
      const { record, store, instrument } = setup('always_on');
      record(3);
      expect(record(-1)).toBe(1);
      record(-0.5, {}, instrument('h', 'histogram'));
      record(-2, {}, instrument('u', 'upDownCounter'));
      const taken = store.take();
      expect(taken.forPoint(SCOPE, 'c', {})?.map((e) => e.value)).toEqual([3]);
      expect(taken.forPoint(SCOPE, 'h', {})).toBeUndefined();
      expect(taken.forPoint(SCOPE, 'u', {})?.map((e) => e.value)).toEqual([-2]);
    });

    it('should rethrow what the SDK instrument throws and keep no exemplar then', () => {
      const { exemplars, store, counter } = setup('always_on');
      const admitted = exemplars.admit(undefined) ?? {};
      const failure = new TypeError('from the SDK');
      expect(() =>
        exemplars.record(counter, admitted, 1, {}, undefined, () => {
          throw failure;
        }),
      ).toThrow(failure);
      expect(store.take().empty).toBe(true);
    });

    it('should never throw for attributes it cannot key (the measurement stands)', () => {
      const { exemplars, counter } = setup('always_on');
      const admitted = exemplars.admit(undefined) ?? {};
      expect(() =>
        exemplars.record(counter, admitted, 1, { big: 1n } as never, undefined, () => undefined),
      ).not.toThrow();
    });
  });
});
