import type { ISerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { EncodedRequest } from '@proc/telemetry-otlp';
import { logger } from './diag.js';

/** One batch ready for the delivery queue. */
export interface EncodedBatch<T> {
  payload: T;
  /** Spans in `payload`. */
  items: number;
  /** Spans left out because they could not be encoded. */
  invalid: number;
}

/**
 * Encodes `spans` as one OTLP request. A span the serializer cannot encode (e.g. a link or an
 * event that is not an object, a name that is not a string, reached through the SDK's own API)
 * would otherwise fail the whole batch; here the batch is encoded span by span once to find
 * it, and only that span is left out and counted.
 */
export function encodeSpans(
  spans: ReadableSpan[],
  serializer: ISerializer<ReadableSpan[], unknown>,
): EncodedBatch<EncodedRequest> {
  const whole = tryEncode(spans, serializer);
  if (whole)
    return { payload: { body: whole, items: spans.length }, items: spans.length, invalid: 0 };
  const valid: ReadableSpan[] = [];
  let firstInvalid: ReadableSpan | undefined;
  for (const span of spans) {
    if (tryEncode([span], serializer) !== undefined) valid.push(span);
    else firstInvalid ??= span;
  }
  const invalid = spans.length - valid.length;
  logger.warn(
    `export: ${invalid} span(s) could not be encoded and were dropped (e.g. "${String(firstInvalid?.name).slice(0, 100)}")`,
  );
  const body = valid.length > 0 ? tryEncode(valid, serializer) : undefined;
  return body
    ? { payload: { body, items: valid.length }, items: valid.length, invalid }
    : { payload: { body: new Uint8Array(), items: 0 }, items: 0, invalid: spans.length };
}

function tryEncode(
  spans: ReadableSpan[],
  serializer: ISerializer<ReadableSpan[], unknown>,
): Uint8Array | undefined {
  try {
    return serializer.serializeRequest(spans);
  } catch {
    return undefined;
  }
}
