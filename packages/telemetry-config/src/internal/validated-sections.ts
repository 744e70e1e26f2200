/**
 * Sections `loadConfig()` resolved and validated as a whole, each with a fingerprint of its
 * values. A signal package handed one of them trusts it instead of validating it again (the
 * schema walk and the TLS file checks would run a second time per provider). A section built in
 * code, copied, or changed in place after loading (its fingerprint differs) gets the one full
 * check at the package boundary. Held weakly: a dropped config is not retained.
 */
const validated = new WeakMap<object, string>();

/** Every own enumerable value, raw (not through the redacting `toJSON` printers). */
function fingerprint(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(fingerprint).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value).map(
      (key) => `${JSON.stringify(key)}:${fingerprint((value as Record<string, unknown>)[key])}`,
    );
    return `{${entries.join(',')}}`;
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Marks `section` as validated by `loadConfig()`, as it is now. */
export function markValidated(section: object): void {
  validated.set(section, fingerprint(section));
}

/** Whether `section` is one `loadConfig()` returned, with the values it had then. */
export function isValidated(section: unknown): boolean {
  if (typeof section !== 'object' || section === null) return false;
  const marked = validated.get(section);
  return marked !== undefined && marked === fingerprint(section);
}
