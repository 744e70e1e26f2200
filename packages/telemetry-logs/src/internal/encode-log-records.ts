import type { ISerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableLogRecord } from '@opentelemetry/sdk-logs';
import { type EncodedBatch, type EncodedRequest, encodeBatch } from '@proc/telemetry-otlp';
import { logger } from './diag.js';

/** What a warning about a record left out shows of it: its body when that is text. */
function describeRecord(record: ReadableLogRecord): string {
  if (typeof record.body === 'string') return record.body;
  return (
    record.eventName ?? `${record.severityText ?? 'log'} record with a ${typeof record.body} body`
  );
}

/**
 * Encodes `records` as one OTLP logs request (`encodeBatch()` of `@proc/telemetry-otlp`): a record
 * the serializer cannot encode (a circular body, a BigInt for OTLP/JSON) is left out and counted,
 * not its whole batch.
 */
export function encodeLogRecords(
  records: ReadableLogRecord[],
  serializer: ISerializer<ReadableLogRecord[], unknown>,
): EncodedBatch<EncodedRequest> {
  return encodeBatch(records, serializer, {
    logger,
    itemName: 'log record',
    describe: describeRecord,
  });
}
