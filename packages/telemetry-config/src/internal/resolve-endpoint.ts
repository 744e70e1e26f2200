import { parseOtlpEndpoint } from '../parse-otlp-endpoint.js';
import { redactUrl } from '../redact-url.js';
import type { OtlpProtocol } from '../types.js';
import { exportVariable } from './env-names.js';
import { EXPECTED } from './fields.js';
import type { Findings } from './findings.js';
import type { EndpointSetting, Signal } from './merge-layers.js';
import { makeWarning } from './warnings.js';

/** `http://host:4318/base/` + `traces` → `http://host:4318/base/v1/traces`. */
export function appendSignalPath(base: string, signal: Signal): string {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/v1/${signal}`;
  return url.toString();
}

/** The URL `setting` gives for `signal`, or `undefined` when it does not suit `protocol`. */
function urlOf(
  setting: EndpointSetting,
  protocol: OtlpProtocol,
  insecure: boolean,
  signal: Signal,
): string | undefined {
  const endpoint = parseOtlpEndpoint(setting.url, insecure);
  if (endpoint?.hasScheme) {
    return setting.signalSpecific || protocol === 'grpc'
      ? setting.url
      : appendSignalPath(setting.url, signal);
  }
  // The OTLP exporter specification: without a scheme, `insecure` decides between plain text
  // and TLS. https://opentelemetry.io/docs/specs/otel/protocol/exporter/#configuration-options
  if (endpoint !== undefined && protocol === 'grpc') return endpoint.url;
  return undefined;
}

/** The endpoint a signal resolved to, and the setting that gave it (none: the default). */
export interface ResolvedEndpoint {
  url: string;
  setting?: EndpointSetting;
}

/**
 * The final URL for a signal, once the protocol is known: the first setting that suits it
 * (highest precedence first). A signal-specific endpoint is used as-is; a generic one gets
 * `/v1/<signal>` appended for the HTTP protocols; a gRPC `host:port` becomes `http://` when
 * `insecure`, else `https://`. One that does not suit the protocol (`host:port` over HTTP) is
 * reported (a warning for an environment variable, an issue for code or a file) and the next
 * applies; without any, the specification's default for the protocol.
 * https://opentelemetry.io/docs/specs/otel/protocol/exporter/#endpoint-urls-for-otlphttp
 */
export function resolveEndpoint(
  settings: readonly EndpointSetting[],
  protocol: OtlpProtocol,
  insecure: boolean,
  signal: Signal,
  findings: Findings,
): ResolvedEndpoint {
  for (const setting of settings) {
    const url = urlOf(setting, protocol, insecure, signal);
    if (url !== undefined) return { url, setting };
    const expected =
      parseOtlpEndpoint(setting.url) === undefined
        ? EXPECTED.endpoint
        : `${EXPECTED.url} (host:port without a scheme needs protocol grpc, not ${protocol})`;
    const value = redactUrl(setting.url);
    if (setting.source === 'env') {
      const variable = exportVariable('ENDPOINT', setting.signalSpecific ? signal : undefined);
      findings.warn(makeWarning(variable, value, expected));
    } else {
      const path = setting.signalSpecific ? `${signal}.export.endpoint` : 'export.endpoint';
      findings.issue({ path, received: value, expected, source: setting.source });
    }
  }
  return {
    url: protocol === 'grpc' ? 'http://localhost:4317' : `http://localhost:4318/v1/${signal}`,
  };
}
