import type { Attributes, HrTime } from '@opentelemetry/api';
import {
  createExemplarStore,
  EXEMPLAR_SERIES_LIMIT,
  type ExemplarStore,
  scopeKey,
} from '../../../src/internal/exemplars/exemplar-store.js';
import type {
  ExemplarInstrumentKind,
  RecordedExemplar,
} from '../../../src/internal/exemplars/types.js';

const TIME: HrTime = [1_700_000_000, 0];
const exemplar = (value: number): RecordedExemplar => ({
  value,
  time: TIME,
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  filteredAttributes: {},
});
const SCOPE = { name: 'm', version: '1' };
const values = (list: readonly RecordedExemplar[] | undefined) => list?.map((e) => e.value);

/** A store whose counter reservoirs keep every measurement offered (random() 0: the latest). */
const keepingLatest = () => createExemplarStore({ random: () => 0 });

/** Offers `kept` to its series of the stream `name` and keeps it when the reservoir takes it. */
function offer(
  store: ExemplarStore,
  name: string,
  kind: ExemplarInstrumentKind,
  pointAttributes: Attributes,
  kept: RecordedExemplar,
): void {
  const reservoir = store.streamOf(scopeKey(SCOPE), name, kind).reservoirFor(pointAttributes);
  if (reservoir?.offer()) reservoir.keep(kept);
}

describe('scopeKey', () => {
  it('should equal the key of the scope the SDK exports for a meter got without a version', () => {
    expect(scopeKey({ name: 'm' })).toBe(
      scopeKey({ name: 'm', version: '', schemaUrl: undefined }),
    );
    expect(scopeKey({ name: 'm', version: '1' })).not.toBe(scopeKey({ name: 'm' }));
  });
});

describe('createExemplarStore', () => {
  describe('streamOf', () => {
    it('should keep one exemplar per series of a counter, gauge or up-down counter', () => {
      const store = keepingLatest();
      for (const kind of ['counter', 'gauge', 'upDownCounter'] as const) {
        offer(store, kind, kind, { a: 'x' }, exemplar(1));
        offer(store, kind, kind, { a: 'x' }, exemplar(2));
      }
      const taken = store.take();
      for (const kind of ['counter', 'gauge', 'upDownCounter']) {
        expect(values(taken.forPoint(SCOPE, kind, { a: 'x' }))).toEqual([2]);
      }
    });

    it('should keep the largest and the latest exemplar per histogram series, largest first', () => {
      const store = keepingLatest();
      for (const value of [0.1, 9, 0.2, 0.3]) {
        offer(store, 'h', 'histogram', {}, exemplar(value));
      }
      expect(values(store.take().forPoint(SCOPE, 'h', {}))).toEqual([9, 0.3]);
    });

    it('should keep one histogram exemplar when the latest is also the largest', () => {
      const store = keepingLatest();
      offer(store, 'h', 'histogram', {}, exemplar(1));
      offer(store, 'h', 'histogram', {}, exemplar(2));
      expect(values(store.take().forPoint(SCOPE, 'h', {}))).toEqual([2]);
    });

    it('should find a series by attribute values whatever the key order, per scope and metric', () => {
      const store = keepingLatest();
      offer(store, 'c', 'counter', Object.freeze({ a: '1', b: '2' }), exemplar(1));
      const taken = store.take();
      expect(values(taken.forPoint({ ...SCOPE }, 'c', { b: '2', a: '1' }))).toEqual([1]);
      expect(taken.forPoint({ name: 'm' }, 'c', { a: '1', b: '2' })).toBeUndefined();
      expect(taken.forPoint(SCOPE, 'other', { a: '1', b: '2' })).toBeUndefined();
      expect(taken.forPoint(SCOPE, 'c', { a: '1' })).toBeUndefined();
    });

    it('should key an attributes object the application changes by its values at each call', () => {
      const store = keepingLatest();
      const attributes = { partition: '1' };
      offer(store, 'c', 'counter', attributes, exemplar(1));
      attributes.partition = '2';
      offer(store, 'c', 'counter', attributes, exemplar(2));
      const taken = store.take();
      expect(values(taken.forPoint(SCOPE, 'c', { partition: '1' }))).toEqual([1]);
      expect(values(taken.forPoint(SCOPE, 'c', { partition: '2' }))).toEqual([2]);
    });

    it('should key an object changed in place, keys added or removed, by its new values', () => {
      const store = keepingLatest();
      const attributes: Record<string, string> = { a: '1' };
      const offerValue = (value: number) =>
        offer(store, 'c', 'counter', attributes, exemplar(value));
      offerValue(1);
      attributes.b = '2';
      offerValue(2);
      delete attributes.a;
      offerValue(3);
      const taken = store.take();
      expect(values(taken.forPoint(SCOPE, 'c', { a: '1' }))).toEqual([1]);
      expect(values(taken.forPoint(SCOPE, 'c', { a: '1', b: '2' }))).toEqual([2]);
      expect(values(taken.forPoint(SCOPE, 'c', { b: '2' }))).toEqual([3]);
    });

    it('should key a new object per call by its values (one series when they are equal)', () => {
      const store = keepingLatest();
      const offerWith = (attributes: Record<string, string>, value: number) =>
        offer(store, 'c', 'counter', attributes, exemplar(value));
      offerWith({ a: '1', b: '2' }, 1);
      offerWith({ a: '1', b: '2' }, 2);
      offerWith({ a: '1', b: '3' }, 3);
      offerWith({ b: '2', a: '1' }, 4);
      const taken = store.take();
      expect(values(taken.forPoint(SCOPE, 'c', { a: '1', b: '2' }))).toEqual([4]);
      expect(values(taken.forPoint(SCOPE, 'c', { a: '1', b: '3' }))).toEqual([3]);
    });

    it('should sample the series of a counter with the random source it is given', () => {
      // random() 0.5: after the n-th kept, the next kept is the (2n + 1)-th: the 1st, 3rd, 7th.
      const store = createExemplarStore({ random: () => 0.5 });
      for (let value = 1; value <= 10; value++) offer(store, 'c', 'counter', {}, exemplar(value));
      expect(values(store.take().forPoint(SCOPE, 'c', {}))).toEqual([7]);
    });

    it('should return one stream per scope and name, kept across collections', () => {
      const store = keepingLatest();
      const stream = store.streamOf(scopeKey(SCOPE), 'c', 'counter');
      store.take();
      expect(store.streamOf(scopeKey(SCOPE), 'c', 'counter')).toBe(stream);
      expect(store.streamOf(scopeKey(SCOPE), 'other', 'counter')).not.toBe(stream);
      expect(store.streamOf(scopeKey({ name: 'm' }), 'c', 'counter')).not.toBe(stream);
    });

    it('should find the reservoir of a frozen attributes object again until the next collection', () => {
      const store = keepingLatest();
      const stream = store.streamOf(scopeKey(SCOPE), 'c', 'counter');
      const frozen = Object.freeze({ a: '1' });
      const reservoir = stream.reservoirFor(frozen);
      expect(stream.reservoirFor(frozen)).toBe(reservoir);
      expect(stream.reservoirFor(Object.freeze({ a: '1' }))).toBe(reservoir);
      expect(stream.reservoirFor({ a: '1' })).toBe(reservoir);
      store.take();
      const next = stream.reservoirFor(frozen);
      expect(next).toBeDefined();
      expect(next).not.toBe(reservoir);
    });

    it(`should keep at most ${EXEMPLAR_SERIES_LIMIT} series per metric stream, still updating known ones`, () => {
      const store = keepingLatest();
      for (let i = 0; i <= EXEMPLAR_SERIES_LIMIT; i++) {
        offer(store, 'c', 'counter', { i }, exemplar(i));
      }
      offer(store, 'c', 'counter', { i: 0 }, exemplar(42));
      offer(store, 'other', 'counter', { i: 0 }, exemplar(7));
      const taken = store.take();
      expect(taken.forPoint(SCOPE, 'c', { i: EXEMPLAR_SERIES_LIMIT })).toBeUndefined();
      expect(values(taken.forPoint(SCOPE, 'c', { i: EXEMPLAR_SERIES_LIMIT - 1 }))).toEqual([
        EXEMPLAR_SERIES_LIMIT - 1,
      ]);
      expect(values(taken.forPoint(SCOPE, 'c', { i: 0 }))).toEqual([42]);
      expect(values(taken.forPoint(SCOPE, 'other', { i: 0 }))).toEqual([7]);
    });
  });

  describe('take', () => {
    it('should empty the reservoirs, so the next collection only gets newer exemplars', () => {
      const store = keepingLatest();
      expect(store.take().empty).toBe(true);
      offer(store, 'c', 'counter', {}, exemplar(1));
      const first = store.take();
      expect(first.empty).toBe(false);
      expect(store.take().forPoint(SCOPE, 'c', {})).toBeUndefined();
      offer(store, 'c', 'counter', {}, exemplar(2));
      expect(values(store.take().forPoint(SCOPE, 'c', {}))).toEqual([2]);
      expect(values(first.forPoint(SCOPE, 'c', {}))).toEqual([1]);
    });
  });
});
