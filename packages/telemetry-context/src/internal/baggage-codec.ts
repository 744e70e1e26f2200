// W3C Baggage: https://www.w3.org/TR/baggage/#header-content
import type { BaggageItem } from '../types.js';

/** At most this many list-members are propagated. */
const BAGGAGE_MAX_MEMBERS = 180;
/** At most this many bytes per list-member (key, value and properties). */
const BAGGAGE_MAX_MEMBER_BYTES = 4096;
/** At most this many bytes in the whole header. */
const BAGGAGE_MAX_HEADER_BYTES = 8192;

// key = token (RFC 7230)
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// value = *baggage-octet; baggage-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E
const ENCODED_VALUE = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*$/;
// properties: printable ASCII without the list separator; `;` separates properties.
const PROPERTIES = /^[\x20-\x2b\x2d-\x7e]*$/;
const OWS = /^[ \t]+|[ \t]+$/g;

/** True when `key` is a valid baggage key (an RFC 7230 token). */
export function isValidBaggageKey(key: string): boolean {
  return TOKEN.test(key);
}

/** True when `metadata` can travel as baggage properties. */
export function isValidBaggageMetadata(metadata: string): boolean {
  return PROPERTIES.test(metadata) && metadata.replace(OWS, '') !== '';
}

/**
 * Serialises one list-member, or returns undefined when it cannot travel intact (invalid key,
 * a value that is not well-formed Unicode, invalid properties).
 */
function encodeBaggageMember(item: BaggageItem): string | undefined {
  if (!isValidBaggageKey(item.key)) return undefined;
  let value: string;
  try {
    // encodeURIComponent leaves only unreserved characters, all baggage-octets; `%` is encoded.
    value = encodeURIComponent(item.value);
  } catch {
    return undefined; // a lone surrogate
  }
  if (item.metadata === undefined) return `${item.key}=${value}`;
  if (!isValidBaggageMetadata(item.metadata)) return undefined;
  return `${item.key}=${value};${item.metadata.replace(OWS, '')}`;
}

/** Parses one list-member; undefined when it is malformed. */
function decodeBaggageMember(member: string): BaggageItem | undefined {
  const propertiesAt = member.indexOf(';');
  const pair = propertiesAt === -1 ? member : member.slice(0, propertiesAt);
  const separator = pair.indexOf('=');
  if (separator === -1) return undefined;
  const key = pair.slice(0, separator).replace(OWS, '');
  const encoded = pair.slice(separator + 1).replace(OWS, '');
  if (!isValidBaggageKey(key) || !ENCODED_VALUE.test(encoded)) return undefined;
  let value: string;
  try {
    value = decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
  if (propertiesAt === -1) return { key, value };
  const metadata = member.slice(propertiesAt + 1).replace(OWS, '');
  if (!isValidBaggageMetadata(metadata)) return { key, value };
  return { key, value, metadata };
}

/**
 * Builds the header from the items in order, dropping whole members to respect the limits: a
 * member that cannot be encoded or exceeds 4096 bytes is skipped, at most 180 are kept, and one
 * that would push the header over 8192 bytes is skipped. Undefined when nothing is left.
 */
export function encodeBaggageHeader(items: Iterable<BaggageItem>): string | undefined {
  const members: string[] = [];
  let bytes = 0;
  for (const item of items) {
    if (members.length >= BAGGAGE_MAX_MEMBERS) break;
    const member = encodeBaggageMember(item);
    // Members are ASCII, so characters are bytes.
    if (member === undefined || member.length > BAGGAGE_MAX_MEMBER_BYTES) continue;
    const added = member.length + (members.length > 0 ? 1 : 0);
    if (bytes + added > BAGGAGE_MAX_HEADER_BYTES) continue;
    members.push(member);
    bytes += added;
  }
  return members.length > 0 ? members.join(',') : undefined;
}

/**
 * Parses baggage header values (several headers are one list). Malformed members are skipped;
 * the same limits as on injection apply, and a later member with the same key wins.
 */
export function decodeBaggageHeader(headers: readonly string[]): BaggageItem[] {
  const byKey = new Map<string, BaggageItem>();
  let bytes = 0;
  for (const raw of headers.join(',').split(',')) {
    if (byKey.size >= BAGGAGE_MAX_MEMBERS) break;
    const member = raw.replace(OWS, '');
    if (member === '' || Buffer.byteLength(member) > BAGGAGE_MAX_MEMBER_BYTES) continue;
    const item = decodeBaggageMember(member);
    if (!item) continue;
    const added = member.length + (byKey.size > 0 ? 1 : 0);
    if (bytes + added > BAGGAGE_MAX_HEADER_BYTES) continue;
    byKey.delete(item.key);
    byKey.set(item.key, item);
    bytes += added;
  }
  return [...byKey.values()];
}
