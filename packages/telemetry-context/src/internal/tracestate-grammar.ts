// W3C Trace Context Level 2, tracestate grammar: https://w3c.github.io/trace-context/#tracestate-header-field-values

/** At most 32 list-members: https://w3c.github.io/trace-context/#list */
export const MAX_TRACE_STATE_MEMBERS = 32;

// key = ( lcalpha / DIGIT ) 0*255 ( keychar ); keychar = lcalpha / DIGIT / "_" / "-" / "*" / "/" / "@"
// (https://w3c.github.io/trace-context/#key). Level 1's simple-key / tenant@system split is gone:
// the test suite keeps `foo@`, `foo@@bar` and `t@` + 15 characters.
const KEY = /^[a-z0-9][a-z0-9_\-*/@]{0,255}$/;
// value = 0*255(chr) nblk-chr; chr = %x20 / nblk-chr; nblk-chr = %x21-2B / %x2D-3C / %x3E-7E
const VALUE = /^[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;

/** True when `key` follows the tracestate key grammar. */
export function isValidTraceStateKey(key: string): boolean {
  return KEY.test(key);
}

/** True when `value` follows the tracestate value grammar. */
export function isValidTraceStateValue(value: string): boolean {
  return VALUE.test(value);
}
