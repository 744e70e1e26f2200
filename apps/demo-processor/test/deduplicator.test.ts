import { createDeduplicator } from '../src/deduplicator.js';

describe('createDeduplicator', () => {
  describe('firstSeen', () => {
    it('should accept an id once and reject its redeliveries', () => {
      const dedup = createDeduplicator({ capacity: 10 });
      expect(dedup.firstSeen('e-1')).toBe(true);
      expect(dedup.firstSeen('e-2')).toBe(true);
      expect(dedup.firstSeen('e-1')).toBe(false);
      expect(dedup.firstSeen('e-1')).toBe(false);
    });

    it('should forget the oldest ids past its capacity, keeping memory flat', () => {
      const dedup = createDeduplicator({ capacity: 2 });
      dedup.firstSeen('a');
      dedup.firstSeen('b');
      dedup.firstSeen('c'); // evicts a
      expect(dedup.size).toBe(2);
      expect(dedup.firstSeen('b')).toBe(false);
      expect(dedup.firstSeen('a')).toBe(true);
    });
  });

  it('should reject a capacity that is not a positive integer', () => {
    expect(() => createDeduplicator({ capacity: 0 })).toThrow(RangeError);
    expect(() => createDeduplicator({ capacity: 1.5 })).toThrow(/positive integer/);
  });
});
