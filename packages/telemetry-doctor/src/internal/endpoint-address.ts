/** Where an endpoint points, as the port checks need it. */
export interface EndpointAddress {
  /** Host name or IP address, without the brackets of an IPv6 literal. */
  host: string;
  port: number;
  /** Whether the transport speaks TLS to it (`https://`, or `host:port` without `insecure`). */
  secure: boolean;
  /** The URL path (`/` for none). */
  path: string;
}

/**
 * Host, port, TLS and path of an endpoint: a URL, or a gRPC `host:port` (TLS unless
 * `insecure`, as the OTLP exporter specification says). The port defaults to the scheme's.
 */
export function endpointAddress(endpoint: string, insecure: boolean): EndpointAddress | undefined {
  const trimmed = endpoint.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `${insecure ? 'http' : 'https'}://${trimmed}`);
  } catch {
    return undefined;
  }
  const secure = url.protocol === 'https:';
  const port = url.port === '' ? (secure ? 443 : 80) : Number(url.port);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, port, secure, path: url.pathname === '' ? '/' : url.pathname };
}
