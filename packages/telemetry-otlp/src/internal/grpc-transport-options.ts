import { type ExportConfig, type OtlpEndpoint, redactUrl } from '@proc/telemetry-config';
import { logger } from './diag.js';
import type { GrpcExporterBase } from './grpc-exporter-base.js';
import { hasTlsMaterial } from './read-tls-files.js';
import { transportEndpoint } from './transport-endpoint.js';
import type {
  GrpcTransportOptions,
  OtlpCompressionAlgorithm,
  TlsMaterial,
  TransportOptions,
} from './transport-types.js';

function grpcCredentials(
  grpc: GrpcExporterBase,
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
    return grpc.createInsecureCredentials();
  }
  return grpc.createSslCredentials(material.ca, material.key, material.cert);
}

/** gRPC metadata holding `headers`, one entry per header. */
export function grpcMetadata(
  grpc: GrpcExporterBase,
  headers: Readonly<Record<string, string>>,
): GrpcTransportOptions['metadata'] {
  const metadata = grpc.createEmptyMetadata();
  for (const [key, value] of Object.entries(headers)) metadata.set(key, value);
  return metadata;
}

/**
 * The transport half of an OTLP/gRPC exporter's constructor options, from one signal's
 * `ExportConfig` and its TLS files (read at start-up with `readTlsFiles()`): URL and the
 * `host:port` grpc-js dials, headers as metadata, credentials (plaintext or TLS per the OTLP
 * specification), compression, timeout and, when given, the concurrency limit. Spread it into
 * `new OTLPTraceExporter({...})` or `new OTLPMetricExporter({...})` of the `-otlp-grpc`
 * packages. `grpc` is the loaded `@opentelemetry/otlp-grpc-exporter-base` (see
 * `loadGrpcExporterBase()`).
 * @throws TypeError naming the option when the endpoint is not an OTLP endpoint.
 */
export function grpcTransportOptions(
  grpc: GrpcExporterBase,
  config: ExportConfig,
  material: TlsMaterial,
  options: TransportOptions,
): GrpcTransportOptions {
  const endpoint = transportEndpoint(config, options.optionPath, 'url-or-host-port');
  const transport: GrpcTransportOptions = {
    url: config.endpoint,
    address: endpoint.authority,
    metadata: grpcMetadata(grpc, config.headers),
    credentials: grpcCredentials(grpc, config, endpoint, material, options.optionPath),
    compression: config.compression as OtlpCompressionAlgorithm,
    timeoutMillis: config.timeoutMillis,
  };
  if (options.concurrencyLimit !== undefined) transport.concurrencyLimit = options.concurrencyLimit;
  return transport;
}
