// The receiver's OTLP/JSON decoding before the direct decoder (up to 0.0.x of December 2026),
// kept as the oracle the direct decoder is checked against: hex ids to bytes, protobufjs'
// fromObject/toObject round trip, then the same flattening as protobuf requests.
import type { DecodedExport } from '../../src/internal/decoded-export.js';
import { flattenRequest } from '../../src/internal/ingest.js';
import { SIGNALS, type Signal, TO_OBJECT_OPTIONS } from '../../src/proto.js';

const HEX_ID_FIELDS = new Set(['traceId', 'spanId', 'parentSpanId']);
const HEX = /^(?:[0-9a-fA-F]{2})*$/;

function hexIdsToBytes(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) hexIdsToBytes(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const object = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(object)) {
    if (HEX_ID_FIELDS.has(key) && typeof value === 'string') {
      if (!HEX.test(value))
        throw new Error(`@proc/telemetry-testing: ${key} "${value}" is not a hex string`);
      object[key] = Uint8Array.from(Buffer.from(value, 'hex'));
    } else if (key === 'attributes' || key === 'body' || key === 'filteredAttributes') {
      // AnyValue trees: no ids inside.
    } else if (typeof value === 'object') {
      hexIdsToBytes(value);
    }
  }
}

/** The old `decodeJson`: the protobufjs-shaped object of an OTLP/JSON body. */
export function referenceDecodeJson(signal: Signal, body: Uint8Array): Record<string, unknown> {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  const parsed: unknown = JSON.parse(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error('@proc/telemetry-testing: the JSON body is not an object');
  }
  hexIdsToBytes(parsed as Record<string, unknown>);
  const message = signal.request.fromObject(parsed as Record<string, unknown>);
  return signal.request.toObject(message, TO_OBJECT_OPTIONS);
}

/** The records the old path stored for an OTLP/JSON body of `kind`. */
export function referenceJsonRecords(kind: Signal['kind'], body: Uint8Array): DecodedExport {
  const signal = SIGNALS[kind];
  return flattenRequest(signal, referenceDecodeJson(signal, body), 'http/json');
}
