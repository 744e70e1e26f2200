import { createDeliveryQueue, createExportBatcher, type DeliveryOutcome } from '../src/index.js';

/** A batcher over a queue whose deliveries succeed at once; `delivered` holds every payload. */
function batcherOf(options: { maxExportBatchSize?: number; maxQueuedItems?: number } = {}) {
  const delivered: string[][] = [];
  let answer: ((outcome: DeliveryOutcome) => void) | undefined;
  const queue = createDeliveryQueue<string[]>({
    signal: 'test',
    deliver: (payload) => {
      delivered.push(payload);
      return answer === undefined
        ? Promise.resolve({ status: 'delivered' })
        : new Promise((resolve) => {
            answer = resolve;
          });
    },
    maxQueuedItems: options.maxQueuedItems ?? 100,
  });
  let closedExporter = 0;
  const batcher = createExportBatcher<string, string[]>({
    maxExportBatchSize: options.maxExportBatchSize ?? 3,
    scheduledDelayMillis: 60_000,
    queue,
    // "bad" items cannot be encoded: they are left out of their batch.
    encode: (items) => {
      const payload = items.filter((item) => item !== 'bad');
      return { payload, items: payload.length, invalid: items.length - payload.length };
    },
    closeExporter: async () => {
      closedExporter++;
    },
  });
  return {
    batcher,
    delivered,
    get closedExporter() {
      return closedExporter;
    },
    /** Makes every later delivery hang unanswered, as a collector that never replies. */
    hold() {
      answer = () => undefined;
    },
  };
}

describe('createExportBatcher', () => {
  describe('add()', () => {
    it('should queue a batch as soon as it is full and keep the rest until a flush', async () => {
      const { batcher, delivered } = batcherOf();
      for (const item of ['a', 'b', 'c', 'd']) batcher.add(item);
      expect(delivered).toEqual([['a', 'b', 'c']]);
      await batcher.flush();
      expect(delivered).toEqual([['a', 'b', 'c'], ['d']]);
      expect(batcher.stats()).toMatchObject({ added: 4, exported: 4, queued: 0 });
    });

    it('should leave an item that cannot be encoded out of its batch and count it', async () => {
      const { batcher, delivered } = batcherOf();
      for (const item of ['a', 'bad', 'c']) batcher.add(item);
      await batcher.flush();
      expect(delivered).toEqual([['a', 'c']]);
      expect(batcher.stats()).toMatchObject({ added: 3, exported: 2, invalid: 1, dropped: 0 });
    });

    it('should drop a whole batch before encoding it when the queue has no room', async () => {
      const target = batcherOf({ maxExportBatchSize: 2, maxQueuedItems: 2 });
      target.hold();
      for (const item of ['a', 'b', 'c', 'd', 'e', 'f']) target.batcher.add(item);
      // a+b in flight, c+d waiting (the queue's 2 items), e+f refused.
      expect(target.delivered).toEqual([['a', 'b']]);
      expect(target.batcher.stats()).toMatchObject({ added: 6, dropped: 2, queued: 4 });
    });

    it('should drop items as they arrive while the queue has no room for their batch, never holding or encoding them', async () => {
      const delivered: string[][] = [];
      const answers: Array<(outcome: DeliveryOutcome) => void> = [];
      const encoded: string[][] = [];
      const queue = createDeliveryQueue<string[]>({
        signal: 'test',
        deliver: (payload) => {
          delivered.push(payload);
          return new Promise((resolve) => answers.push(resolve));
        },
        maxQueuedItems: 2,
      });
      const batcher = createExportBatcher<string, string[]>({
        maxExportBatchSize: 2,
        scheduledDelayMillis: 60_000,
        queue,
        encode: (items) => {
          encoded.push(items);
          return { payload: items, items: items.length, invalid: 0 };
        },
        closeExporter: async () => undefined,
      });
      for (const item of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) batcher.add(item);
      // a+b in flight, c+d waiting (the queue's 2 items): e, f and g never join a batch.
      expect(encoded).toEqual([
        ['a', 'b'],
        ['c', 'd'],
      ]);
      expect(batcher.stats()).toMatchObject({ added: 7, dropped: 3, queued: 4 });
      // Once there is room again, items are batched again.
      answers.shift()?.({ status: 'delivered' });
      await new Promise((resolve) => setImmediate(resolve));
      for (const item of ['h', 'i']) batcher.add(item);
      expect(encoded.at(-1)).toEqual(['h', 'i']);
      expect(delivered).toEqual([
        ['a', 'b'],
        ['c', 'd'],
      ]);
      expect(batcher.stats()).toMatchObject({ added: 9, dropped: 3, exported: 2, queued: 4 });
    });
  });

  describe('shutdown()', () => {
    it('should flush, close the exporter once and then report itself closed', async () => {
      const target = batcherOf();
      target.batcher.add('a');
      const first = target.batcher.shutdown();
      expect(target.batcher.shutdown()).toBe(first);
      await first;
      expect(target.delivered).toEqual([['a']]);
      expect(target.batcher.closed).toBe(true);
      expect(target.closedExporter).toBe(1);
    });
  });

  describe('abandon()', () => {
    it('should give up what is queued, count it as failed and close the exporter', () => {
      const target = batcherOf({ maxExportBatchSize: 1 });
      target.hold();
      for (const item of ['a', 'b', 'c']) target.batcher.add(item);
      target.batcher.abandon();
      expect(target.batcher.closed).toBe(true);
      expect(target.closedExporter).toBe(1);
      // a is still in flight; b and c were waiting and are given up.
      expect(target.batcher.stats()).toMatchObject({ added: 3, failed: 2, queued: 1 });
    });
  });
});
