import type { ISerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { type EncodedBatch, type EncodedRequest, encodeBatch } from '@proc/telemetry-otlp';
import { logger } from './diag.js';

/**
 * Encodes `spans` as one OTLP request (`encodeBatch()` of `@proc/telemetry-otlp`): a span the
 * serializer cannot encode (e.g. a link or an event that is not an object, a name that is not a
 * string, reached through the SDK's own API) is left out and counted, not its whole batch.
 */
export function encodeSpans(
  spans: ReadableSpan[],
  serializer: ISerializer<ReadableSpan[], unknown>,
): EncodedBatch<EncodedRequest> {
  return encodeBatch(spans, serializer, {
    logger,
    itemName: 'span',
    describe: (span) => span.name,
  });
}
