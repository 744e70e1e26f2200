import {
  createEmptyMetadata,
  createInsecureCredentials,
  createSslCredentials,
} from '@opentelemetry/otlp-grpc-exporter-base';
import { type ExportConfig, redactUrl } from '@proc/telemetry-config';
import { logger } from './diag.js';
import { hasTlsMaterial, readTlsFiles } from './read-tls-files.js';
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

function grpcCredentials(config: ExportConfig, material: TlsMaterial, optionPath: string) {
  if (isPlaintextGrpcEndpoint(config.endpoint, config.tls.insecure)) {
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
 * `ExportConfig`: URL, headers as metadata, credentials (plaintext or TLS per the OTLP
 * specification, with the TLS files read now), compression, timeout and, when given, the
 * concurrency limit. Spread it into `new OTLPTraceExporter({...})` or `new OTLPMetricExporter({...})`
 * of the `-otlp-grpc` packages. Loads `@grpc/grpc-js` (through
 * `@opentelemetry/otlp-grpc-exporter-base`).
 * @throws Error naming the option when a TLS file cannot be read (see `readTlsFiles()`).
 */
export function grpcTransportOptions(
  config: ExportConfig,
  options: TransportOptions,
): GrpcTransportOptions {
  const material = readTlsFiles(config.tls, `${options.optionPath}.tls`);
  const transport: GrpcTransportOptions = {
    url: config.endpoint,
    metadata: grpcMetadata(config.headers),
    credentials: grpcCredentials(config, material, options.optionPath),
    compression: config.compression as OtlpCompressionAlgorithm,
    timeoutMillis: config.timeoutMillis,
  };
  if (options.concurrencyLimit !== undefined) transport.concurrencyLimit = options.concurrencyLimit;
  return transport;
}
