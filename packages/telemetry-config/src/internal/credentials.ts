/** What every secret is printed as. */
export const REDACTED = '[REDACTED]';

/** Keys whose values are credentials wherever they appear. */
const CREDENTIAL_KEY =
  /auth|api[-_.]?key|access[-_.]?key|token|passw|pwd|secret|cookie|credential|private[-_.]?key|session|signature/i;

/** Short query parameter names that carry credentials (`?key=`, Azure SAS `?sig=`, OAuth `?code=`). */
const CREDENTIAL_PARAM = /^(key|sig|code|pass|pw)$/i;

/** Whether the value at `key` may hold a credential. */
export function isCredentialKey(key: string): boolean {
  return CREDENTIAL_KEY.test(key);
}

/** Whether the URL query (or fragment) parameter `name`, percent-encoded or not, may hold a credential. */
export function isCredentialParam(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // Not valid percent-encoding: judge the name as written.
  }
  return isCredentialKey(decoded) || CREDENTIAL_PARAM.test(decoded);
}
