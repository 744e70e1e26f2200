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
  const { capacity } = options;
  const seen = new Set<string>();
  // The ids in arrival order, a ring: the oldest is at `oldest` once it is full. Taking the
  // oldest from the Set itself (`values().next()`) walks past every entry deleted since the Set
  // last rehashed, thousands at a capacity of 10,000: about 8 µs per event, the demo's largest
  // cost (docs/benchmarks.md, suite 6).
  const order: string[] = [];
  let oldest = 0;
  return {
    firstSeen(id) {
      if (seen.has(id)) return false;
      seen.add(id);
      if (order.length < capacity) {
        order.push(id);
      } else {
        seen.delete(order[oldest] as string);
        order[oldest] = id;
        oldest = (oldest + 1) % capacity;
      }
      return true;
    },
    get size() {
      return seen.size;
    },
  };
}
