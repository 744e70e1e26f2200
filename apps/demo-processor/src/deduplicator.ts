/** Remembers recently seen event ids, bounded, to drop at-least-once redeliveries. */
export interface Deduplicator {
  /** True the first time an id is seen (and remembers it); false for a duplicate. */
  firstSeen(id: string): boolean;
  readonly size: number;
}

/**
 * A bounded dedup set: the oldest ids are forgotten past `capacity`, so memory stays flat; a
 * duplicate arriving after that many newer events passes (as with any bounded dedup store).
 */
export function createDeduplicator(options: { capacity: number }): Deduplicator {
  if (!Number.isInteger(options.capacity) || options.capacity < 1) {
    throw new RangeError(`capacity must be a positive integer, got ${options.capacity}`);
  }
  const seen = new Set<string>();
  return {
    firstSeen(id) {
      if (seen.has(id)) return false;
      seen.add(id);
      if (seen.size > options.capacity) {
        // A Set iterates in insertion order: the first key is the oldest.
        seen.delete(seen.values().next().value as string);
      }
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}
