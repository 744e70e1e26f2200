// Trace and span ids in OTLP/JSON: hex strings, not the base64 that proto3 JSON uses for other
// bytes (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding).

const HEX = /^(?:[0-9a-fA-F]{2})*$/;
const UPPER_HEX = /[A-F]/;

/**
 * A `traceId`, `spanId` or `parentSpanId` as the receiver reports it: lower-case hex, `''` when
 * absent or empty. A string that is not hex (odd length, other characters) throws the error the
 * receiver has always answered `400` with. Any other JSON value decodes to no id, as protobufjs'
 * `fromObject` turned it into something that is not bytes.
 */
export function hexIdField(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    // No bytes either way (protobufjs kept an array-like as it was, not as a Uint8Array); the
    // comparison is its `length >= 0` test, which throws for a `length` that cannot be compared.
    if (value != null && (value as { length: number }).length >= 0) return '';
    return '';
  }
  if (!HEX.test(value)) {
    throw new Error(`@proc/telemetry-testing: ${field} "${value}" is not a hex string`);
  }
  // Exporters write lower case; only the rare upper-case id pays for a copy.
  return UPPER_HEX.test(value) ? value.toLowerCase() : value;
}
