import type { TraceState } from '@opentelemetry/api';
import { createTraceState } from './trace-state.js';
import {
  isValidTraceStateKey,
  isValidTraceStateValue,
  MAX_TRACE_STATE_MEMBERS,
} from './tracestate-grammar.js';

// W3C Trace Context Level 2, tracestate: https://w3c.github.io/trace-context/#tracestate-header

/** Vendors SHOULD propagate at least 512 characters; beyond that they may truncate. */
const MAX_LENGTH = 512;
/** Truncation removes members longer than this first. */
const LONG_MEMBER = 128;
const OWS = /^[ \t]+|[ \t]+$/g;

type Member = [key: string, value: string];

function truncate(members: Member[]): Member[] {
  const size = (member: Member) => member[0].length + 1 + member[1].length;
  const length = (list: Member[]) =>
    list.reduce((sum, member) => sum + size(member), Math.max(0, list.length - 1));
  const kept = [...members];
  // Remove long members from the end first, then any member from the end.
  for (let i = kept.length - 1; i >= 0 && length(kept) > MAX_LENGTH; i--) {
    if (size(kept[i]!) > LONG_MEMBER) kept.splice(i, 1);
  }
  while (kept.length > 0 && length(kept) > MAX_LENGTH) kept.pop();
  return kept;
}

/**
 * Validates and normalises tracestate header values (several headers are one list, in order).
 * Returns the list without OWS, empty members or repeated keys, or undefined when the header must
 * be dropped: no member, more than 32 members as received, or an invalid key or value.
 */
export function parseTraceState(headers: string | readonly string[]): TraceState | undefined {
  const combined = typeof headers === 'string' ? headers : headers.join(',');
  const members: Member[] = [];
  const keys = new Set<string>();
  let received = 0;
  for (const raw of combined.split(',')) {
    const member = raw.replace(OWS, '');
    // Empty and whitespace-only list members are allowed and ignored.
    if (member === '') continue;
    // The list grammar allows 32 list-members, duplicates included.
    if (++received > MAX_TRACE_STATE_MEMBERS) return undefined;
    const separator = member.indexOf('=');
    if (separator <= 0) return undefined;
    const key = member.slice(0, separator);
    const value = member.slice(separator + 1);
    if (!isValidTraceStateKey(key) || !isValidTraceStateValue(value)) return undefined;
    // A repeated key is the sender's error; the test suite accepts keeping one. The left-most is
    // the most recent: https://w3c.github.io/trace-context/#mutating-the-tracestate-field
    if (keys.has(key)) continue;
    keys.add(key);
    members.push([key, value]);
  }
  const kept = truncate(members);
  return kept.length > 0 ? createTraceState(kept) : undefined;
}
