import type { HrTime } from '@opentelemetry/api';
import {
  createExemplarStore,
  EXEMPLAR_SERIES_LIMIT,
  scopeKey,
} from '../../../src/internal/exemplars/exemplar-store.js';
import type { RecordedExemplar } from '../../../src/internal/exemplars/types.js';

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

describe('scopeKey', () => {
  it('should equal the key of the scope the SDK exports for a meter got without a version', () => {
    expect(scopeKey({ name: 'm' })).toBe(
      scopeKey({ name: 'm', version: '', schemaUrl: undefined }),
    );
    expect(scopeKey({ name: 'm', version: '1' })).not.toBe(scopeKey({ name: 'm' }));
  });
});

describe('createExemplarStore', () => {
  describe('offer', () => {
    it('should keep the latest exemplar per series of a counter, gauge or up-down counter', () => {
      const store = createExemplarStore();
      for (const kind of ['counter', 'gauge', 'upDownCounter'] as const) {
        store.offer(scopeKey(SCOPE), kind, kind, { a: 'x' }, exemplar(1));
        store.offer(scopeKey(SCOPE), kind, kind, { a: 'x' }, exemplar(2));
      }
      const taken = store.take();
      for (const kind of ['counter', 'gauge', 'upDownCounter']) {
        expect(values(taken.forPoint(SCOPE, kind, { a: 'x' }))).toEqual([2]);
      }
    });

    it('should keep the largest and the latest exemplar per histogram series, largest first', () => {
      const store = createExemplarStore();
      for (const value of [0.1, 9, 0.2, 0.3]) {
        store.offer(scopeKey(SCOPE), 'h', 'histogram', {}, exemplar(value));
      }
      expect(values(store.take().forPoint(SCOPE, 'h', {}))).toEqual([9, 0.3]);
    });

    it('should keep one histogram exemplar when the latest is also the largest', () => {
      const store = createExemplarStore();
      store.offer(scopeKey(SCOPE), 'h', 'histogram', {}, exemplar(1));
      store.offer(scopeKey(SCOPE), 'h', 'histogram', {}, exemplar(2));
      expect(values(store.take().forPoint(SCOPE, 'h', {}))).toEqual([2]);
    });

    it('should find a series by attribute values whatever the key order, per scope and metric', () => {
      const store = createExemplarStore();
      store.offer(scopeKey(SCOPE), 'c', 'counter', Object.freeze({ a: '1', b: '2' }), exemplar(1));
      const taken = store.take();
      expect(values(taken.forPoint({ ...SCOPE }, 'c', { b: '2', a: '1' }))).toEqual([1]);
      expect(taken.forPoint({ name: 'm' }, 'c', { a: '1', b: '2' })).toBeUndefined();
      expect(taken.forPoint(SCOPE, 'other', { a: '1', b: '2' })).toBeUndefined();
      expect(taken.forPoint(SCOPE, 'c', { a: '1' })).toBeUndefined();
    });

    it('should key an attributes object the application changes by its values at each call', () => {
      const store = createExemplarStore();
      const attributes = { partition: '1' };
      store.offer(scopeKey(SCOPE), 'c', 'counter', attributes, exemplar(1));
      attributes.partition = '2';
      store.offer(scopeKey(SCOPE), 'c', 'counter', attributes, exemplar(2));
      const taken = store.take();
      expect(values(taken.forPoint(SCOPE, 'c', { partition: '1' }))).toEqual([1]);
      expect(values(taken.forPoint(SCOPE, 'c', { partition: '2' }))).toEqual([2]);
    });

    it('should key an object changed in place, keys added or removed, by its new values', () => {
      const store = createExemplarStore();
      const attributes: Record<string, string> = { a: '1' };
      const offer = (value: number) =>
        store.offer(scopeKey(SCOPE), 'c', 'counter', attributes, exemplar(value));
      offer(1);
      attributes.b = '2';
      offer(2);
      delete attributes.a;
      offer(3);
      const taken = store.take();
      expect(values(taken.forPoint(SCOPE, 'c', { a: '1' }))).toEqual([1]);
      expect(values(taken.forPoint(SCOPE, 'c', { a: '1', b: '2' }))).toEqual([2]);
      expect(values(taken.forPoint(SCOPE, 'c', { b: '2' }))).toEqual([3]);
    });

    it('should key a new object per call by its values (one series when they are equal)', () => {
      const store = createExemplarStore();
      const offer = (attributes: Record<string, string>, value: number) =>
        store.offer(scopeKey(SCOPE), 'c', 'counter', attributes, exemplar(value));
      offer({ a: '1', b: '2' }, 1);
      offer({ a: '1', b: '2' }, 2);
      offer({ a: '1', b: '3' }, 3);
      offer({ b: '2', a: '1' }, 4);
      const taken = store.take();
      expect(values(taken.forPoint(SCOPE, 'c', { a: '1', b: '2' }))).toEqual([4]);
      expect(values(taken.forPoint(SCOPE, 'c', { a: '1', b: '3' }))).toEqual([3]);
    });

    it(`should keep at most ${EXEMPLAR_SERIES_LIMIT} series per metric stream, still updating known ones`, () => {
      const store = createExemplarStore();
      for (let i = 0; i <= EXEMPLAR_SERIES_LIMIT; i++) {
        store.offer(scopeKey(SCOPE), 'c', 'counter', { i }, exemplar(i));
      }
      store.offer(scopeKey(SCOPE), 'c', 'counter', { i: 0 }, exemplar(42));
      store.offer(scopeKey(SCOPE), 'other', 'counter', { i: 0 }, exemplar(7));
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
      const store = createExemplarStore();
      expect(store.take().empty).toBe(true);
      store.offer(scopeKey(SCOPE), 'c', 'counter', {}, exemplar(1));
      const first = store.take();
      expect(first.empty).toBe(false);
      expect(store.take().forPoint(SCOPE, 'c', {})).toBeUndefined();
      store.offer(scopeKey(SCOPE), 'c', 'counter', {}, exemplar(2));
      expect(values(store.take().forPoint(SCOPE, 'c', {}))).toEqual([2]);
      expect(values(first.forPoint(SCOPE, 'c', {}))).toEqual([1]);
    });
  });
});
