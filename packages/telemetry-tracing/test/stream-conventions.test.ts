import * as conventions from '../src/stream-conventions.js';

describe('stream conventions', () => {
  describe('attribute keys', () => {
    it('should use the messaging conventions where one exists', () => {
      expect(conventions.ATTR_EVENT_ID).toBe('messaging.message.id');
      expect(conventions.ATTR_PARTITION).toBe('messaging.destination.partition.id');
      expect(conventions.ATTR_OFFSET).toBe('messaging.kafka.offset');
      expect(conventions.ATTR_BATCH_SIZE).toBe('messaging.batch.message_count');
    });

    it('should put every other key under processor.*', () => {
      const own = Object.entries(conventions).filter(
        ([name, value]) => name.startsWith('ATTR_') && !value.startsWith('messaging.'),
      );
      expect(own.length).toBeGreaterThan(0);
      for (const [, value] of own) expect(value).toMatch(/^processor\.[a-z_.]+$/);
    });
  });

  describe('span names', () => {
    it('should be unique processor.* names', () => {
      const names = Object.entries(conventions)
        .filter(([name]) => name.startsWith('SPAN_'))
        .map(([, value]) => value);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(/^processor\.[a-z_.]+$/);
    });
  });
});
