import type { ISerializer } from '@opentelemetry/otlp-transformer';
import type { EncodeBatchOptions, EncodedBatch, EncodedRequest } from './types.js';

function tryEncode<T>(items: T[], serializer: ISerializer<T[], unknown>): Uint8Array | undefined {
  try {
    return serializer.serializeRequest(items);
  } catch {
    return undefined;
  }
}

/**
 * Encodes `items` as one OTLP request. An item the serializer cannot encode (a span link that is
 * not an object, a log body that is circular or holds a BigInt for JSON, reached through the
 * SDK's own API) would otherwise fail the whole batch; here the batch is encoded item by item
 * once to find it, and only that item is left out, counted and reported (one warning per batch,
 * naming the first one left out).
 */
export function encodeBatch<T>(
  items: T[],
  serializer: ISerializer<T[], unknown>,
  options: EncodeBatchOptions<T>,
): EncodedBatch<EncodedRequest> {
  const whole = tryEncode(items, serializer);
  if (whole) {
    return { payload: { body: whole, items: items.length }, items: items.length, invalid: 0 };
  }
  const valid: T[] = [];
  let firstInvalid: T | undefined;
  for (const item of items) {
    if (tryEncode([item], serializer) !== undefined) valid.push(item);
    else firstInvalid ??= item;
  }
  const invalid = items.length - valid.length;
  const example = firstInvalid === undefined ? '' : String(options.describe(firstInvalid));
  options.logger.warn(
    `export: ${invalid} ${options.itemName}(s) could not be encoded and were dropped (e.g. "${example.slice(0, 100)}")`,
  );
  const body = valid.length > 0 ? tryEncode(valid, serializer) : undefined;
  return body
    ? { payload: { body, items: valid.length }, items: valid.length, invalid }
    : { payload: { body: new Uint8Array(), items: 0 }, items: 0, invalid: items.length };
}
