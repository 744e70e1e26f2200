import { context } from '@opentelemetry/api';
import { createExemplarStore, scopeKey } from '../../../src/internal/exemplars/exemplar-store.js';
import { enableTestContext, SAMPLED, withSpanContext } from '../../helpers/test-span-context.js';

describe('scopeKey', () => {
  it('should equal the key of the scope the SDK exports for a meter got without a version', () => {
    expect(scopeKey({ name: 'm' })).toBe(
      scopeKey({ name: 'm', version: '', schemaUrl: undefined }),
    );
    expect(scopeKey({ name: 'm', version: '1' })).not.toBe(scopeKey({ name: 'm' }));
  });
});

describe('createExemplarStore', () => {
  beforeEach(() => enableTestContext());
  afterEach(() => context.disable());

  describe('forScope', () => {
    it('should return the same reservoirs for the same scope', () => {
      const store = createExemplarStore('trace_based');
      expect(store.forScope({ name: 'm', version: '1' })).toBe(
        store.forScope({ name: 'm', version: '1' }),
      );
      expect(store.forScope({ name: 'm' })).not.toBe(store.forScope({ name: 'n' }));
    });
  });

  describe('take', () => {
    it('should return the exemplars of every meter by scope key, then nothing', () => {
      const store = createExemplarStore('trace_based');
      withSpanContext(SAMPLED, () => {
        store.forScope({ name: 'a' }).offer('c', 'counter', 1, {}, false);
        store.forScope({ name: 'b' }).offer('h', 'histogram', 2, {}, false);
      });
      store.forScope({ name: 'empty' });
      const taken = store.take();
      expect([...taken.keys()]).toEqual([scopeKey({ name: 'a' }), scopeKey({ name: 'b' })]);
      expect(taken.get(scopeKey({ name: 'b' }))?.get('h')?.[0]?.value).toBe(2);
      expect(store.take().size).toBe(0);
    });
  });
});
