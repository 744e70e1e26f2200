import { createTraceState } from '../../src/internal/trace-state.js';

describe('createTraceState', () => {
  const state = createTraceState([
    ['foo', '1'],
    ['bar@', '2'],
  ]);

  describe('get', () => {
    it('should return the value of a key, undefined for an absent one', () => {
      expect(state.get('bar@')).toBe('2');
      expect(state.get('baz')).toBeUndefined();
    });
  });

  describe('serialize', () => {
    it('should write the members in order', () => {
      expect(state.serialize()).toBe('foo=1,bar@=2');
    });
  });

  describe('set', () => {
    it('should add a new key first and leave the original unchanged', () => {
      expect(state.set('new@x@', 'v').serialize()).toBe('new@x@=v,foo=1,bar@=2');
      expect(state.serialize()).toBe('foo=1,bar@=2');
    });

    it('should move an updated key first', () => {
      expect(state.set('bar@', '3').serialize()).toBe('bar@=3,foo=1');
    });

    it.each([
      ['an upper-case key', 'FOO', '1'],
      ['a key starting with @', '@foo', '1'],
      ['a 257-character key', 'z'.repeat(257), '1'],
      ['an empty value', 'foo', ''],
      ['a comma in the value', 'foo', 'a,b'],
    ])('should ignore %s', (_, key, value) => {
      expect(state.set(key, value).serialize()).toBe('foo=1,bar@=2');
    });

    it('should remove the right-most member past 32', () => {
      const full = createTraceState(Array.from({ length: 32 }, (_, i) => [`k${i}`, `${i}`]));
      const added = full.set('new', 'v');
      expect(added.serialize().split(',')).toHaveLength(32);
      expect(added.get('new')).toBe('v');
      expect(added.get('k31')).toBeUndefined();
      expect(added.get('k30')).toBe('30');
    });
  });

  describe('unset', () => {
    it('should remove a key and leave the original unchanged', () => {
      expect(state.unset('foo').serialize()).toBe('bar@=2');
      expect(state.unset('absent').serialize()).toBe('foo=1,bar@=2');
      expect(state.get('foo')).toBe('1');
    });
  });
});
