/**
 * Sections `loadConfig()` resolved and validated as a whole. A signal package handed one of them
 * trusts it instead of validating it again (the schema walk and the TLS file checks would run a
 * second time per provider); a section built or copied in code is not in the set and gets the
 * one full check at the package boundary. Held weakly: a dropped config is not retained.
 */
const validated = new WeakSet<object>();

/** Marks `section` as validated by `loadConfig()`. */
export function markValidated(section: object): void {
  validated.add(section);
}

/** Whether `section` is one `loadConfig()` returned, unchanged in identity. */
export function isValidated(section: unknown): boolean {
  return typeof section === 'object' && section !== null && validated.has(section);
}
