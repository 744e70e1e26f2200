// W3C Trace Context Level 1, traceparent: https://www.w3.org/TR/trace-context/#traceparent-header

/** The parts of a valid traceparent. */
export interface ParsedTraceParent {
  traceId: string;
  spanId: string;
  /** Only the `sampled` bit: Level 1 defines no other flag. */
  traceFlags: number;
}

const LOWER_HEX = /^[0-9a-f]+$/;
const ALL_ZEROS = /^0+$/;
/** version "-" trace-id "-" parent-id "-" trace-flags */
const TRACEPARENT_LENGTH = 55;
// OWS = *( SP / HTAB ), around the whole header value.
const OWS = /^[ \t]+|[ \t]+$/g;

function isId(value: string): boolean {
  return LOWER_HEX.test(value) && !ALL_ZEROS.test(value);
}

/**
 * Parses a traceparent header value, or returns undefined when the trace must restart.
 *
 * Version 00 must be exactly 55 characters. A higher version (not `ff`) is parsed by its first
 * 55 characters, which must be followed by the end of the value or a `-`
 * (https://www.w3.org/TR/trace-context/#versioning-of-traceparent).
 */
export function parseTraceParent(header: string): ParsedTraceParent | undefined {
  const value = header.replace(OWS, '');
  if (value.length < TRACEPARENT_LENGTH) return undefined;
  const version = value.slice(0, 2);
  if (!LOWER_HEX.test(version) || version === 'ff') return undefined;
  if (version === '00' && value.length !== TRACEPARENT_LENGTH) return undefined;
  if (value.length > TRACEPARENT_LENGTH && value[TRACEPARENT_LENGTH] !== '-') return undefined;
  if (value[2] !== '-' || value[35] !== '-' || value[52] !== '-') return undefined;
  const traceId = value.slice(3, 35);
  const spanId = value.slice(36, 52);
  const flags = value.slice(53, 55);
  if (!isId(traceId) || !isId(spanId) || !LOWER_HEX.test(flags)) return undefined;
  return { traceId, spanId, traceFlags: Number.parseInt(flags, 16) & 0x01 };
}

/** Formats a version-00 traceparent; flags other than `sampled` are written as zero. */
export function formatTraceParent(traceId: string, spanId: string, traceFlags: number): string {
  return `00-${traceId}-${spanId}-0${traceFlags & 0x01}`;
}
