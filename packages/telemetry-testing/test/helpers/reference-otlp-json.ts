// The receiver's decoding before the direct decoders (December 2026), kept as the oracle they are
// checked against: for OTLP/JSON, hex ids to bytes and protobufjs' fromObject/toObject round
// trip; for protobuf, decode and toObject; then the old flattening of the toObject output.
import type { DecodedExport } from '../../src/internal/decoded-export.js';
import { SIGNALS, type Signal, TO_OBJECT_OPTIONS } from '../../src/proto.js';
import type { ReceiverProtocol } from '../../src/types.js';
import { flattenLogs, flattenMetrics, flattenTraces } from './reference-flatten.js';

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

/** The records the old path made of a protobufjs `toObject` request. */
export function referenceRecords(
  kind: Signal['kind'],
  request: Record<string, unknown>,
  protocol: ReceiverProtocol,
): DecodedExport {
  if (kind === 'traces') return { kind, ...flattenTraces(request, protocol) };
  if (kind === 'metrics') return { kind, points: flattenMetrics(request, protocol) };
  return { kind, records: flattenLogs(request, protocol) };
}

/** The records the old path stored for an OTLP/JSON body of `kind`. */
export function referenceJsonRecords(kind: Signal['kind'], body: Uint8Array): DecodedExport {
  return referenceRecords(kind, referenceDecodeJson(SIGNALS[kind], body), 'http/json');
}

/** The records the old path stored for an OTLP/protobuf body of `kind`. */
export function referenceProtobufRecords(
  kind: Signal['kind'],
  body: Uint8Array,
  protocol: ReceiverProtocol = 'http/protobuf',
): DecodedExport {
  const { request } = SIGNALS[kind];
  return referenceRecords(
    kind,
    request.toObject(request.decode(body), TO_OBJECT_OPTIONS),
    protocol,
  );
}

/**
 * An OTLP/JSON body re-encoded as protobuf by the old path's own conversion (hex ids to bytes,
 * `fromObject`), so one generated request exercises both decoders.
 */
export function referenceJsonToProtobuf(kind: Signal['kind'], body: string): Uint8Array {
  const parsed = JSON.parse(body) as Record<string, unknown>;
  hexIdsToBytes(parsed);
  const { request } = SIGNALS[kind];
  return request.encode(request.fromObject(parsed)).finish();
}
