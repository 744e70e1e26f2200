import {
  createEmptyMetadata,
  createInsecureCredentials,
  createSslCredentials,
} from '@opentelemetry/otlp-grpc-exporter-base';
import { type ExportConfig, type OtlpEndpoint, redactUrl } from '@proc/telemetry-config';
import { logger } from './diag.js';
import { hasTlsMaterial, readTlsFiles } from './read-tls-files.js';
import { transportEndpoint } from './transport-endpoint.js';
import type {
  GrpcTransportOptions,
  OtlpCompressionAlgorithm,
  TlsMaterial,
  TransportOptions,
} from './transport-types.js';

function grpcCredentials(
  config: ExportConfig,
  endpoint: OtlpEndpoint,
  material: TlsMaterial,
  optionPath: string,
) {
  if (!endpoint.secure) {
    if (hasTlsMaterial(material)) {
      logger.warn(
        `${optionPath}.tls: TLS files are ignored for the plaintext gRPC endpoint ${redactUrl(config.endpoint)}`,
      );
    }
    return createInsecureCredentials();
  }
  return createSslCredentials(material.ca, material.key, material.cert);
}

/** gRPC metadata holding `headers`, one entry per header. */
export function grpcMetadata(
  headers: Readonly<Record<string, string>>,
): GrpcTransportOptions['metadata'] {
  const metadata = createEmptyMetadata();
  for (const [key, value] of Object.entries(headers)) metadata.set(key, value);
  return metadata;
}

/**
 * The transport half of an OTLP/gRPC exporter's constructor options, from one signal's
 * `ExportConfig`: URL and the `host:port` grpc-js dials, headers as metadata, credentials (plaintext or TLS per the OTLP
 * specification, with the TLS files read now), compression, timeout and, when given, the
 * concurrency limit. Spread it into `new OTLPTraceExporter({...})` or `new OTLPMetricExporter({...})`
 * of the `-otlp-grpc` packages. Loads `@grpc/grpc-js` (through
 * `@opentelemetry/otlp-grpc-exporter-base`).
 * @throws TypeError naming the option when the endpoint is not an OTLP endpoint; Error naming
 *   the option when a TLS file cannot be read (see `readTlsFiles()`).
 */
export function grpcTransportOptions(
  config: ExportConfig,
  options: TransportOptions,
): GrpcTransportOptions {
  const endpoint = transportEndpoint(config, options.optionPath, 'url-or-host-port');
  const material = readTlsFiles(config.tls, `${options.optionPath}.tls`);
  const transport: GrpcTransportOptions = {
    url: config.endpoint,
    address: endpoint.authority,
    metadata: grpcMetadata(config.headers),
    credentials: grpcCredentials(config, endpoint, material, options.optionPath),
    compression: config.compression as OtlpCompressionAlgorithm,
    timeoutMillis: config.timeoutMillis,
  };
  if (options.concurrencyLimit !== undefined) transport.concurrencyLimit = options.concurrencyLimit;
  return transport;
}
