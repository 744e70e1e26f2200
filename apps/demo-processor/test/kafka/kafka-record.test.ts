import type { IHeaders, KafkaMessage } from 'kafkajs';
import { chunk, toQueueMessage } from '../../src/kafka/kafka-record.js';

/** A record of a record batch (message format v2, the one with headers). */
const record = (offset: string, headers: IHeaders): KafkaMessage => ({
  key: Buffer.from('c-7'),
  value: Buffer.from('{"id":"e-1"}'),
  timestamp: '1700000000123',
  attributes: 0,
  offset,
  headers,
});

describe('toQueueMessage', () => {
  it("should keep kafkajs' Buffer headers and turn key, value, offset and timestamp into the queue's types", () => {
    const traceparent = Buffer.from('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    expect(toQueueMessage('events', 4, record('41', { traceparent }))).toEqual({
      topic: 'events',
      partition: 4,
      offset: 41,
      key: 'c-7',
      value: '{"id":"e-1"}',
      headers: { traceparent },
      timestampMillis: 1_700_000_000_123,
    });
  });

  it('should read a record without key, value or headers (old message format) as empty strings', () => {
    const tombstone: KafkaMessage = {
      key: null,
      value: null,
      timestamp: '0',
      attributes: 0,
      offset: '0',
      size: 0,
    };
    expect(toQueueMessage('events', 0, tombstone)).toMatchObject({
      key: '',
      value: '',
      headers: {},
    });
  });
});

describe('chunk', () => {
  it('should split in order into chunks of at most the given size', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 128)).toEqual([]);
    expect(
      chunk(
        Array.from({ length: 300 }, (_, i) => i),
        128,
      ).map((c) => c.length),
    ).toEqual([128, 128, 44]);
  });

  it('should refuse a size that is not a positive integer', () => {
    expect(() => chunk([1], 0)).toThrow('chunk size must be a positive integer, got 0');
  });
});
