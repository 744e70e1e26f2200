import { isCredentialParam, REDACTED } from './internal/credentials.js';

/** `scheme:` followed by at least one slash (or backslash, which WHATWG URLs read as one). */
const SCHEME_PREFIX = /^\s*[a-z][a-z0-9+.-]*:[/\\]+/i;
const QUERY_PARAM = /([?&;#])([^=&#;]*)=([^&#;]*)/g;

function parsesAsUrl(text: string): boolean {
  try {
    new URL(text.trim());
    return true;
  } catch {
    return false;
  }
}

/**
 * Replaces the userinfo before `@`. In a well-formed URL only the authority (up to the first
 * `/`, `?`, `#` or `\`) can hold it; in anything else (`u:p@h:4318`, `http://u:p/a@h`) the
 * whole text up to the last `@` is treated as userinfo, since there is no telling where it ends.
 */
function redactUserinfo(text: string): string {
  if (!text.includes('@')) return text;
  const prefix = SCHEME_PREFIX.exec(text)?.[0] ?? '';
  const rest = text.slice(prefix.length);
  const authorityEnd = rest.search(/[/?#\\]/);
  const wellFormed = prefix !== '' && parsesAsUrl(text);
  const candidate = wellFormed && authorityEnd >= 0 ? rest.slice(0, authorityEnd) : rest;
  const at = candidate.lastIndexOf('@');
  if (at < 0) return text;
  return `${prefix}${REDACTED}${rest.slice(at)}`;
}

function redactQuery(text: string): string {
  const start = text.search(/[?#]/);
  if (start < 0) return text;
  const params = text
    .slice(start)
    .replace(QUERY_PARAM, (match, separator: string, name: string) =>
      isCredentialParam(name) ? `${separator}${name}=${REDACTED}` : match,
    );
  return `${text.slice(0, start)}${params}`;
}

/**
 * `url` safe to print: userinfo (`user:password@`) and the values of credential-looking query
 * or fragment parameters (`api_key`, `token`, `sig`, `X-Amz-Signature`, ...) become
 * `[REDACTED]`. Malformed input is handled too (`http:/u:p@h`, `u:p@h:4318`): whatever may be
 * userinfo is redacted, so an endpoint can be printed in a log line or an error whatever its
 * shape. Everything else is kept as written.
 *
 * @example
 * redactUrl('https://user:pw@collector:4318/v1/traces?api_key=k&region=eu');
 * // 'https://[REDACTED]@collector:4318/v1/traces?api_key=[REDACTED]&region=eu'
 */
export function redactUrl(url: string): string {
  return redactQuery(redactUserinfo(url));
}
