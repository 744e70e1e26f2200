// W3C Trace Context Level 1, traceparent: https://www.w3.org/TR/trace-context/#traceparent-header

/** The parts of a valid traceparent. */
export interface ParsedTraceParent {
  traceId: string;
  spanId: string;
  /** Only the `sampled` bit: Level 1 defines no other flag. */
  traceFlags: number;
}

/** version "-" trace-id "-" parent-id "-" trace-flags */
const TRACEPARENT_LENGTH = 55;

// Char codes, so a header is checked in place: this runs once per message a consumer reads.
const SPACE = 0x20;
const TAB = 0x09;
const DASH = 0x2d;

function isOws(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** Whether `value[start, end)` is lower-case hex; with `nonZero`, not all zeros either. */
function isLowerHex(value: string, start: number, end: number, nonZero: boolean): boolean {
  let seenNonZero = !nonZero;
  for (let i = start; i < end; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x30) continue;
    if ((code < 0x31 || code > 0x39) && (code < 0x61 || code > 0x66)) return false;
    seenNonZero = true;
  }
  return seenNonZero;
}

/**
 * Parses a traceparent header value, or returns undefined when the trace must restart.
 *
 * Version 00 must be exactly 55 characters. A higher version (not `ff`) is parsed by its first
 * 55 characters, which must be followed by the end of the value or a `-`
 * (https://www.w3.org/TR/trace-context/#versioning-of-traceparent). OWS (spaces, tabs) around
 * the whole value is ignored.
 */
export function parseTraceParent(header: string): ParsedTraceParent | undefined {
  let start = 0;
  let end = header.length;
  while (start < end && isOws(header.charCodeAt(start))) start++;
  while (end > start && isOws(header.charCodeAt(end - 1))) end--;
  const length = end - start;
  if (length < TRACEPARENT_LENGTH) return undefined;
  if (!isLowerHex(header, start, start + 2, false)) return undefined;
  const isVersion00 = header.charCodeAt(start) === 0x30 && header.charCodeAt(start + 1) === 0x30;
  const isVersionFf = header.charCodeAt(start) === 0x66 && header.charCodeAt(start + 1) === 0x66;
  if (isVersionFf) return undefined;
  if (isVersion00 && length !== TRACEPARENT_LENGTH) return undefined;
  if (length > TRACEPARENT_LENGTH && header.charCodeAt(start + TRACEPARENT_LENGTH) !== DASH) {
    return undefined;
  }
  if (
    header.charCodeAt(start + 2) !== DASH ||
    header.charCodeAt(start + 35) !== DASH ||
    header.charCodeAt(start + 52) !== DASH
  ) {
    return undefined;
  }
  if (
    !isLowerHex(header, start + 3, start + 35, true) ||
    !isLowerHex(header, start + 36, start + 52, true) ||
    !isLowerHex(header, start + 53, start + 55, false)
  ) {
    return undefined;
  }
  // Only the `sampled` bit: the lowest bit of the second hex digit's value.
  const flagsLow = header.charCodeAt(start + 54);
  return {
    traceId: header.slice(start + 3, start + 35),
    spanId: header.slice(start + 36, start + 52),
    traceFlags: (flagsLow <= 0x39 ? flagsLow - 0x30 : flagsLow - 0x57) & 0x01,
  };
}

/** Formats a version-00 traceparent; flags other than `sampled` are written as zero. */
export function formatTraceParent(traceId: string, spanId: string, traceFlags: number): string {
  return `00-${traceId}-${spanId}-0${traceFlags & 0x01}`;
}
