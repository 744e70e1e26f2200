import type { OtlpProtocol } from '../types.js';
import type { EndpointSetting, Signal } from './merge-layers.js';

/** `http://host:4318/base/` + `traces` → `http://host:4318/base/v1/traces`. */
export function appendSignalPath(base: string, signal: Signal): string {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/v1/${signal}`;
  return url.toString();
}

/**
 * The final URL for a signal, once the protocol is known. A signal-specific endpoint is used
 * as-is; a generic one gets `/v1/<signal>` appended for the HTTP protocols; without either,
 * the specification's default for the protocol.
 * https://opentelemetry.io/docs/specs/otel/protocol/exporter/#endpoint-urls-for-otlphttp
 */
export function resolveEndpoint(
  setting: EndpointSetting | undefined,
  protocol: OtlpProtocol,
  signal: Signal,
): string {
  if (setting === undefined) {
    return protocol === 'grpc' ? 'http://localhost:4317' : `http://localhost:4318/v1/${signal}`;
  }
  if (setting.signalSpecific || protocol === 'grpc') return setting.url;
  return appendSignalPath(setting.url, signal);
}
