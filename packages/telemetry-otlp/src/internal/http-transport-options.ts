import { type ExportConfig, redactUrl } from '@proc/telemetry-config';
import { logger } from './diag.js';
import { hasTlsMaterial, readTlsFiles } from './read-tls-files.js';
import { transportEndpoint } from './transport-endpoint.js';
import type {
  HttpTransportOptions,
  OtlpCompressionAlgorithm,
  TransportOptions,
} from './transport-types.js';

/**
 * The transport half of an OTLP/HTTP exporter's constructor options, from one signal's
 * `ExportConfig`: URL, headers, compression, timeout, agent options with the TLS files (read
 * now) and, when given, the concurrency limit. Spread it into the `-otlp-proto` or `-otlp-http`
 * exporters. The URL scheme decides TLS: TLS files given for an `http://` endpoint are ignored
 * with a diag warning.
 * @throws TypeError naming the option when the endpoint is not an http(s) URL; Error naming the
 *   option when a TLS file cannot be read (see `readTlsFiles()`).
 */
export function httpTransportOptions(
  config: ExportConfig,
  options: TransportOptions,
): HttpTransportOptions {
  const endpoint = transportEndpoint(config, options.optionPath, 'url');
  const material = readTlsFiles(config.tls, `${options.optionPath}.tls`);
  if (hasTlsMaterial(material) && !endpoint.secure) {
    logger.warn(
      `${options.optionPath}.tls: TLS files are ignored for the plaintext endpoint ${redactUrl(config.endpoint)}`,
    );
  }
  const transport: HttpTransportOptions = {
    url: config.endpoint,
    headers: { ...config.headers },
    compression: config.compression as OtlpCompressionAlgorithm,
    timeoutMillis: config.timeoutMillis,
    httpAgentOptions: { keepAlive: true, ...material },
  };
  if (options.concurrencyLimit !== undefined) transport.concurrencyLimit = options.concurrencyLimit;
  return transport;
}
