import { createMessageQueue } from '../src/message-queue.js';
import { partitionOf } from '../src/producer.js';

describe('createMessageQueue', () => {
  it('should number offsets per partition and poll oldest first', () => {
    const queue = createMessageQueue({ topic: 'events', partitions: 2, now: () => 42 });
    const a = queue.append({ partition: 0, key: 'k', value: 'a', headers: {} });
    const b = queue.append({ partition: 1, key: 'k', value: 'b', headers: {} });
    const c = queue.append({ partition: 0, key: 'k', value: 'c', headers: {} });
    expect([a.offset, b.offset, c.offset]).toEqual([0, 0, 1]);
    expect(a).toMatchObject({ topic: 'events', timestampMillis: 42 });
    expect(queue.depth).toBe(3);
    expect(queue.poll(2).map((m) => m.value)).toEqual(['a', 'b']);
    expect(queue.poll(10).map((m) => m.value)).toEqual(['c']);
    expect(queue.poll(10)).toEqual([]);
  });
});

describe('partitionOf', () => {
  it('should send one key to one partition, within range', () => {
    expect(partitionOf('c-7', 3)).toBe(partitionOf('c-7', 3));
    const partitions = new Set(Array.from({ length: 50 }, (_, i) => partitionOf(`c-${i}`, 3)));
    expect([...partitions].sort()).toEqual([0, 1, 2]);
  });
});
