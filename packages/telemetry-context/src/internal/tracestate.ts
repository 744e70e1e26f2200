// W3C Trace Context Level 1, tracestate: https://www.w3.org/TR/trace-context/#tracestate-header

const MAX_MEMBERS = 32;
/** Vendors SHOULD propagate at least 512 characters; beyond that they may truncate. */
const MAX_LENGTH = 512;
/** Truncation removes members longer than this first. */
const LONG_MEMBER = 128;

const SIMPLE_KEY = '[a-z][a-z0-9_\\-*/]{0,255}';
const MULTI_TENANT_KEY = '[a-z0-9][a-z0-9_\\-*/]{0,240}@[a-z][a-z0-9_\\-*/]{0,13}';
const KEY = new RegExp(`^(?:${SIMPLE_KEY}|${MULTI_TENANT_KEY})$`);
// value = 0*255(chr) nblk-chr; chr = %x20 / nblk-chr; nblk-chr = %x21-2B / %x2D-3C / %x3E-7E
const VALUE = /^[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;
const OWS = /^[ \t]+|[ \t]+$/g;

/** True when `key` follows the tracestate key grammar (simple or `tenant@system`). */
function isValidTraceStateKey(key: string): boolean {
  return KEY.test(key);
}

/** True when `value` follows the tracestate value grammar. */
function isValidTraceStateValue(value: string): boolean {
  return VALUE.test(value);
}

function truncate(members: string[]): string[] {
  const length = (list: string[]) => list.join(',').length;
  const kept = [...members];
  // Remove long members from the end first, then any member from the end.
  for (let i = kept.length - 1; i >= 0 && length(kept) > MAX_LENGTH; i--) {
    if ((kept[i] ?? '').length > LONG_MEMBER) kept.splice(i, 1);
  }
  while (kept.length > 0 && length(kept) > MAX_LENGTH) kept.pop();
  return kept;
}

/**
 * Validates and normalises tracestate header values (several headers are one list, in order).
 * Returns the list without OWS or empty members, or undefined when the header must be dropped:
 * no member, more than 32 members, an invalid key or value, or a duplicated key.
 */
export function parseTraceState(headers: string | readonly string[]): string | undefined {
  const combined = typeof headers === 'string' ? headers : headers.join(',');
  const members: string[] = [];
  const keys = new Set<string>();
  for (const raw of combined.split(',')) {
    const member = raw.replace(OWS, '');
    // Empty and whitespace-only list members are allowed and ignored.
    if (member === '') continue;
    const separator = member.indexOf('=');
    if (separator <= 0) return undefined;
    const key = member.slice(0, separator);
    const value = member.slice(separator + 1);
    if (!isValidTraceStateKey(key) || !isValidTraceStateValue(value) || keys.has(key)) {
      return undefined;
    }
    keys.add(key);
    members.push(member);
    if (members.length > MAX_MEMBERS) return undefined;
  }
  if (members.length === 0) return undefined;
  const kept = truncate(members);
  return kept.length > 0 ? kept.join(',') : undefined;
}
