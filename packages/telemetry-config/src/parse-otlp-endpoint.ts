import type { OtlpEndpoint } from './types.js';

/** `http://` or `https://`, any case. */
const HTTP_SCHEME = /^https?:\/\//i;

/** `host:port` without scheme (an IPv6 literal in brackets): the gRPC short form. */
const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[^\s/:@[\]]+):\d{1,5}$/;

/**
 * The one rule for an OTLP endpoint's shape and transport security, which `loadConfig()`, the
 * section validators, the transport (`@proc/telemetry-otlp`) and the doctor all apply: an
 * `http://` or `https://` URL with a host, or `host:port` without a scheme, which only gRPC
 * accepts and whose TLS `insecure` decides (the OTLP exporter specification: plaintext when
 * insecure, else TLS). https://opentelemetry.io/docs/specs/otel/protocol/exporter/#configuration-options
 *
 * @returns the endpoint's URL, TLS, host, port and path, or `undefined` when it is neither form.
 * @example
 * parseOtlpEndpoint('collector:4317', true); // { url: 'http://collector:4317', hasScheme: false, secure: false, authority: 'collector:4317', ... }
 */
export function parseOtlpEndpoint(endpoint: string, insecure = false): OtlpEndpoint | undefined {
  const hasScheme = HTTP_SCHEME.test(endpoint);
  if (!hasScheme && !HOST_PORT.test(endpoint)) return undefined;
  const withScheme = hasScheme ? endpoint : `${insecure ? 'http' : 'https'}://${endpoint}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (url.host === '') return undefined;
  const secure = url.protocol === 'https:';
  const port = url.port === '' ? (secure ? 443 : 80) : Number(url.port);
  return {
    url: withScheme,
    hasScheme,
    secure,
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    authority: `${url.hostname}:${port}`,
    path: url.pathname === '' ? '/' : url.pathname,
  };
}
