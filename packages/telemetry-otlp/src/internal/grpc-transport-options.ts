import { type ExportConfig, redactUrl } from '@proc/telemetry-config';
import { logger } from './diag.js';
import type { GrpcExporterBase } from './grpc-exporter-base.js';
import { hasTlsMaterial } from './read-tls-files.js';
import type {
  GrpcTransportOptions,
  OtlpCompressionAlgorithm,
  TlsMaterial,
  TransportOptions,
} from './transport-types.js';

/**
 * Whether a gRPC endpoint is plaintext, as the OTLP exporter specification decides it
 * (https://opentelemetry.io/docs/specs/otel/protocol/exporter/): `http://` is plaintext,
 * `https://` is TLS, and an endpoint without a scheme is TLS unless `insecure`.
 */
export function isPlaintextGrpcEndpoint(endpoint: string, insecure: boolean): boolean {
  const url = endpoint.trim().toLowerCase();
  if (url.startsWith('http://')) return true;
  if (url.startsWith('https://') || url.includes('://')) return false;
  return insecure;
}

function grpcCredentials(
  grpc: GrpcExporterBase,
  config: ExportConfig,
  material: TlsMaterial,
  optionPath: string,
) {
  if (isPlaintextGrpcEndpoint(config.endpoint, config.tls.insecure)) {
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
 * `ExportConfig` and its TLS files (read at start-up with `readTlsFiles()`): URL, headers as
 * metadata, credentials (plaintext or TLS per the OTLP specification), compression, timeout and,
 * when given, the concurrency limit. Spread it into `new OTLPTraceExporter({...})` or
 * `new OTLPMetricExporter({...})` of the `-otlp-grpc` packages. `grpc` is the loaded
 * `@opentelemetry/otlp-grpc-exporter-base` (see `loadGrpcExporterBase()`).
 */
export function grpcTransportOptions(
  grpc: GrpcExporterBase,
  config: ExportConfig,
  material: TlsMaterial,
  options: TransportOptions,
): GrpcTransportOptions {
  const transport: GrpcTransportOptions = {
    url: config.endpoint,
    metadata: grpcMetadata(grpc, config.headers),
    credentials: grpcCredentials(grpc, config, material, options.optionPath),
    compression: config.compression as OtlpCompressionAlgorithm,
    timeoutMillis: config.timeoutMillis,
  };
  if (options.concurrencyLimit !== undefined) transport.concurrencyLimit = options.concurrencyLimit;
  return transport;
}
