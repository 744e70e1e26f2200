import { diag } from '@opentelemetry/api';
import type { ISerializer } from '@opentelemetry/otlp-transformer';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { encodeBatch } from '../src/index.js';

/** Encodes items as their UTF-8 text; throws for an item that is not a string. */
const serializer: ISerializer<unknown[], unknown> = {
  serializeRequest: (items) => {
    if (items.some((item) => typeof item !== 'string')) throw new TypeError('not a string');
    return new TextEncoder().encode(items.join(','));
  },
  deserializeResponse: () => ({}),
};

describe('encodeBatch', () => {
  afterEach(() => diag.disable());

  it('should encode the whole batch in one request', () => {
    const logger = installTestDiagLogger();
    const batch = encodeBatch(['a', 'b'], serializer, {
      logger: diag,
      itemName: 'log record',
      describe: String,
    });
    expect(batch).toMatchObject({ items: 2, invalid: 0, payload: { items: 2 } });
    expect(new TextDecoder().decode(batch.payload.body)).toBe('a,b');
    expect(logger.messages).toEqual([]);
  });

  it('should leave out only the items that cannot be encoded, with one warning naming the first', () => {
    const logger = installTestDiagLogger();
    const batch = encodeBatch(['a', 1, 'c', 2], serializer, {
      logger: diag,
      itemName: 'log record',
      describe: (item) => `item ${String(item)}`,
    });
    expect(batch).toMatchObject({ items: 2, invalid: 2 });
    expect(new TextDecoder().decode(batch.payload.body)).toBe('a,c');
    expect(logger.texts('warn')).toEqual([
      'export: 2 log record(s) could not be encoded and were dropped (e.g. "item 1")',
    ]);
  });

  it('should count the whole batch as invalid when no item can be encoded', () => {
    installTestDiagLogger();
    const batch = encodeBatch([1, 2], serializer, {
      logger: diag,
      itemName: 'span',
      describe: String,
    });
    expect(batch).toMatchObject({ items: 0, invalid: 2, payload: { items: 0 } });
  });
});
