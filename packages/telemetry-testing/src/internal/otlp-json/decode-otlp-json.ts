// OTLP/JSON request bodies straight into the receiver's records: one JSON.parse and one walk over
// its result, with no protobufjs message in between (fromObject would read the hex ids as base64,
// and the fromObject/toObject round trip cost more than the parse).
import type { Signal } from '../../proto.js';
import type { DecodedExport } from '../decoded-export.js';
import type { Json } from './json-fields.js';
import { logRecordsFromJson } from './log-records-from-json.js';
import { metricPointsFromJson } from './metric-points-from-json.js';
import { spansFromJson } from './spans-from-json.js';

/**
 * Decodes an OTLP/JSON export request body of `signal` into its records. Throws, with a message
 * for the `400` answer, when the body is not JSON, not an object, or not a valid request.
 */
export function decodeOtlpJson(signal: Signal, body: Uint8Array): DecodedExport {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  const parsed: unknown = JSON.parse(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error('@proc/telemetry-testing: the JSON body is not an object');
  }
  const request = parsed as Json;
  if (signal.kind === 'traces') return { kind: 'traces', ...spansFromJson(request) };
  if (signal.kind === 'metrics') return { kind: 'metrics', points: metricPointsFromJson(request) };
  return { kind: 'logs', records: logRecordsFromJson(request) };
}
