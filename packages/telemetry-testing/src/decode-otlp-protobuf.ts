import { decodeProtobuf, SIGNALS } from './proto.js';

/**
 * Decodes an OTLP/protobuf export request body (`ExportTraceServiceRequest`,
 * `ExportMetricsServiceRequest` or `ExportLogsServiceRequest`) with the receiver's own codec,
 * built from the opentelemetry-proto schema kept in this package, into a plain object: 64-bit
 * integers as decimal strings, enums as numbers, bytes as `Uint8Array`s, only the fields present
 * on the wire. Two encoders agree when their bodies decode to equal objects.
 * @throws Error when `body` is not a valid message of that type.
 */
export function decodeOtlpProtobuf(
  signal: 'traces' | 'metrics' | 'logs',
  body: Uint8Array,
): Record<string, unknown> {
  return decodeProtobuf(SIGNALS[signal], body);
}
