import type { AgentOptions } from 'node:https';
import type { OTLPGRPCExporterConfigNode } from '@opentelemetry/otlp-grpc-exporter-base';

// What `createOtlpSender()` builds its export delegates from. Internal: only this package and its
// tests use them.

/** PEM contents of the TLS files named in a `TlsConfig`; a file that is not configured is absent. */
export interface TlsMaterial {
  /** CA certificate that verifies the collector (`tls.certificateFile`). */
  ca?: Buffer;
  /** Client private key for mutual TLS (`tls.clientKeyFile`). */
  key?: Buffer;
  /** Client certificate for mutual TLS (`tls.clientCertificateFile`). */
  cert?: Buffer;
}

/** What `grpcTransportOptions()` and `httpTransportOptions()` need besides the `ExportConfig`. */
export interface TransportOptions {
  /**
   * Where the `ExportConfig` sits in the telemetry configuration, e.g. `traces.export`: errors and
   * diag warnings name options below it (`traces.export.tls.certificateFile`). Required.
   */
  optionPath: string;
  /**
   * Most exports in flight at once; beyond it the OTLP exporters fail an export at once. Default:
   * the exporters' own default (30).
   */
  concurrencyLimit?: number;
}

/** The compression setting the OTLP exporters take (`none` or `gzip`). */
export type OtlpCompressionAlgorithm = NonNullable<OTLPGRPCExporterConfigNode['compression']>;

/**
 * Constructor options for the OTLP/gRPC exporters (`exporter-trace-otlp-grpc`,
 * `exporter-metrics-otlp-grpc`): every transport setting explicit, so the exporters'
 * `OTEL_EXPORTER_OTLP_*` fallbacks never apply.
 */
export interface GrpcTransportOptions {
  /** The endpoint, as configured. */
  url: string;
  /** `host:port` the channel dials (grpc-js takes no scheme). */
  address: string;
  /** gRPC metadata holding the configured headers. */
  metadata: NonNullable<OTLPGRPCExporterConfigNode['metadata']>;
  /** Plaintext or TLS channel credentials, with the configured CA and client certificate. */
  credentials: NonNullable<OTLPGRPCExporterConfigNode['credentials']>;
  /** The configured compression. */
  compression: OtlpCompressionAlgorithm;
  /** The configured per-export timeout. */
  timeoutMillis: number;
  /** Present when `TransportOptions.concurrencyLimit` is. */
  concurrencyLimit?: number;
}

/**
 * Constructor options for the OTLP/HTTP exporters (`exporter-*-otlp-proto`,
 * `exporter-*-otlp-http`): every transport setting explicit, so the exporters'
 * `OTEL_EXPORTER_OTLP_*` fallbacks never apply.
 */
export interface HttpTransportOptions {
  /** The endpoint, as configured (the full URL of the signal). */
  url: string;
  /** A copy of the configured headers. */
  headers: Record<string, string>;
  /** The configured compression. */
  compression: OtlpCompressionAlgorithm;
  /** The configured per-export timeout. */
  timeoutMillis: number;
  /** Present when `TransportOptions.concurrencyLimit` is. */
  concurrencyLimit?: number;
  /**
   * `keepAlive: true` (the exporters' default, lost when agent options are passed) plus the TLS
   * material. Always set, so the exporters do not read `OTEL_EXPORTER_OTLP_CERTIFICATE` & co.
   */
  httpAgentOptions: AgentOptions;
}
