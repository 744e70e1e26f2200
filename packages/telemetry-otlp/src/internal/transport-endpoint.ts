import {
  type ExportConfig,
  type OtlpEndpoint,
  parseOtlpEndpoint,
  redactUrl,
} from '@proc/telemetry-config';

/**
 * The endpoint of a transport, by the one rule of `@proc/telemetry-config`
 * (`parseOtlpEndpoint()`). A section `loadConfig()` returned always passes; this is the check an
 * `ExportConfig` built in code gets at this package's boundary.
 * @throws TypeError naming the option and the accepted forms.
 */
export function transportEndpoint(
  config: ExportConfig,
  optionPath: string,
  forms: 'url' | 'url-or-host-port',
): OtlpEndpoint {
  const endpoint = parseOtlpEndpoint(config.endpoint, config.tls.insecure);
  if (endpoint === undefined || (forms === 'url' && !endpoint.hasScheme)) {
    const accepted =
      forms === 'url' ? 'an http:// or https:// URL' : 'an http:// or https:// URL, or host:port';
    throw new TypeError(
      `@proc/telemetry-otlp: ${optionPath}.endpoint must be ${accepted}, got ${JSON.stringify(redactUrl(config.endpoint))}`,
    );
  }
  return endpoint;
}
