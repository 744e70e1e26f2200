import { context, propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { getBaggage, removeBaggage, setBaggage } from '../src/baggage.js';

describe('baggage', () => {
  afterEach(() => {
    context.disable();
  });

  describe('setBaggage', () => {
    it('should add entries from items or a map and replace an existing key', () => {
      const first = setBaggage(ROOT_CONTEXT, { a: '1', b: '2' });
      const second = setBaggage(first, [{ key: 'a', value: '3', metadata: 'ttl=1' }]);
      expect(getBaggage(second)).toEqual([
        { key: 'a', value: '3', metadata: 'ttl=1' },
        { key: 'b', value: '2' },
      ]);
      expect(getBaggage(first)).toEqual([
        { key: 'a', value: '1' },
        { key: 'b', value: '2' },
      ]);
    });

    it.each([
      [{ key: 'a b', value: '1' }, /invalid baggage key "a b"/],
      [{ key: '', value: '1' }, /invalid baggage key ""/],
      [{ key: 'k', value: '1', metadata: 'x,y' }, /invalid baggage metadata for k/],
    ])('should throw a TypeError naming the bad entry %j', (item, message) => {
      expect(() => setBaggage(ROOT_CONTEXT, [item])).toThrow(message);
    });
  });

  describe('getBaggage', () => {
    it('should read the active context by default and give [] without baggage', () => {
      context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
      expect(getBaggage()).toEqual([]);
      context.with(setBaggage(ROOT_CONTEXT, { a: '1' }), () => {
        expect(getBaggage()).toEqual([{ key: 'a', value: '1' }]);
      });
    });
  });

  describe('removeBaggage', () => {
    it('should remove keys and drop the baggage once empty', () => {
      const ctx = setBaggage(ROOT_CONTEXT, { a: '1', b: '2' });
      expect(getBaggage(removeBaggage(ctx, ['a']))).toEqual([{ key: 'b', value: '2' }]);
      expect(propagation.getBaggage(removeBaggage(ctx, ['a', 'b']))).toBeUndefined();
      expect(removeBaggage(ROOT_CONTEXT, ['a'])).toBe(ROOT_CONTEXT);
    });
  });
});
