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

    it('should keep exactly the last capacity ids, in arrival order, over many wraps', () => {
      const dedup = createDeduplicator({ capacity: 3 });
      for (let i = 0; i < 10; i++) expect(dedup.firstSeen(`e-${i}`)).toBe(true);
      expect(dedup.firstSeen('e-8')).toBe(false); // a duplicate does not refresh or evict
      expect(dedup.size).toBe(3);
      expect(['e-7', 'e-8', 'e-9'].map((id) => dedup.firstSeen(id))).toEqual([false, false, false]);
      expect(dedup.firstSeen('e-6')).toBe(true); // evicts e-7
      expect(dedup.firstSeen('e-7')).toBe(true);
    });
  });

  it('should reject a capacity that is not a positive integer', () => {
    expect(() => createDeduplicator({ capacity: 0 })).toThrow(RangeError);
    expect(() => createDeduplicator({ capacity: 1.5 })).toThrow(/positive integer/);
  });
});
