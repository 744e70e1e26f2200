/** A `scheme://user:password@` prefix, wherever it appears in a text. */
const USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;

/**
 * grpc-js wraps the cause of a failed connection: `14 UNAVAILABLE: No connection established.
 * Last error: Error: <cause> (<timestamp>). Resolution note: `; the cause is what matters.
 */
function unwrapGrpc(text: string): string {
  return text
    .replace(/No connection established\. Last error: (Error: )?/, '')
    .replace(/\s*\(\d{4}-\d\d-\d\dT[^)]*\)/g, '')
    .replace(/\.?\s*Resolution note:.*$/, '');
}

/** The first line of a transport error, with no credentials in the URLs it names. */
export function redactError(error: unknown): string {
  // Duck-typed: an error from another realm (a worker, a test sandbox) is no `instanceof Error`.
  const message = (error as { message?: unknown } | undefined)?.message;
  const text =
    typeof message === 'string'
      ? message
      : typeof error === 'string'
        ? error
        : JSON.stringify(error);
  const line = (text ?? String(error)).split('\n')[0]?.trim() ?? '';
  return unwrapGrpc(line).trim().replace(USERINFO, '$1[REDACTED]@');
}
