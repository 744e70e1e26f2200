import type { ConfigWarning, OtlpProtocol, TelemetryConfigOptions } from '@proc/telemetry-config';

/** The signals the doctor can probe. */
export type DoctorSignal = 'traces' | 'metrics' | 'logs';

/**
 * What a probe found, one code per mistake so that callers can branch on it.
 *
 * - `delivered`: the probe (one span, one data point, one log record) was accepted.
 * - `prometheus_port_free`: the Prometheus endpoint could listen on its host and port.
 * - `disabled`, `not_exported`, `not_configured`: nothing to probe (the signal is off, its
 *   exporter is `console` or `none`, or the configuration has no such signal).
 * - `http_to_grpc_port`: OTLP/HTTP sent to a port that answers HTTP/2 (gRPC).
 * - `grpc_to_http_port`: OTLP/gRPC sent to a port that answers HTTP/1.1.
 * - `missing_signal_path`: an HTTP endpoint without `/v1/<signal>` (a signal-specific endpoint
 *   is used as-is).
 * - `doubled_signal_path`: an HTTP endpoint with `/v1/...` twice (a generic endpoint that
 *   already held a signal path got `/v1/<signal>` appended).
 * - `path_not_found`: an HTTP 404 for another path.
 * - `unsupported_content_type`: an HTTP 415.
 * - `tls_to_plaintext`: `https://` to a port that answers in plain text.
 * - `plaintext_to_tls`: `http://` to a port that answers TLS.
 * - `tls_untrusted`: the server's certificate is not trusted (CA file missing or wrong, name
 *   mismatch, expired).
 * - `tls_files`: a configured TLS file cannot be used.
 * - `auth_missing`: 401/403 (gRPC UNAUTHENTICATED/PERMISSION_DENIED) and no header configured.
 * - `auth_rejected`: 401/403 (gRPC UNAUTHENTICATED/PERMISSION_DENIED) with headers configured.
 * - `connection_refused`: nothing listens on the port.
 * - `host_not_found`: the host name does not resolve.
 * - `host_unreachable`: no route to the host.
 * - `no_answer`: the connection was accepted but nothing answered within the timeout.
 * - `unavailable`: the collector answered "try later" (HTTP 429/502/503/504, gRPC UNAVAILABLE).
 * - `signal_not_served`: a gRPC server that does not implement this signal's export service.
 * - `rejected`: any other refusal (the finding's `error` has the status).
 * - `prometheus_port_in_use`, `prometheus_address_unavailable`: the Prometheus endpoint could
 *   not listen.
 */
export type DoctorFindingCode =
  | 'delivered'
  | 'prometheus_port_free'
  | 'disabled'
  | 'not_exported'
  | 'not_configured'
  | 'http_to_grpc_port'
  | 'grpc_to_http_port'
  | 'missing_signal_path'
  | 'doubled_signal_path'
  | 'path_not_found'
  | 'unsupported_content_type'
  | 'tls_to_plaintext'
  | 'plaintext_to_tls'
  | 'tls_untrusted'
  | 'tls_files'
  | 'auth_missing'
  | 'auth_rejected'
  | 'connection_refused'
  | 'host_not_found'
  | 'host_unreachable'
  | 'no_answer'
  | 'unavailable'
  | 'signal_not_served'
  | 'rejected'
  | 'prometheus_port_in_use'
  | 'prometheus_address_unavailable';

/** The outcome of probing one signal. */
export interface DoctorFinding {
  /** The signal probed. */
  signal: DoctorSignal;
  /**
   * `ok`: the probe was delivered (or the Prometheus port is free); `problem`: it was not;
   * `skipped`: there was nothing to probe (see `code`).
   */
  status: 'ok' | 'problem' | 'skipped';
  /** What was found; one code per mistake. */
  code: DoctorFindingCode;
  /** One line naming what was found, e.g. "OTLP/HTTP sent to a gRPC port". */
  message: string;
  /** What to change, naming the variable or option, for a `problem`. */
  fix?: string;
  /** The endpoint probed (redacted: no `user:password@`, no credential parameters). */
  endpoint?: string;
  /** The protocol probed. */
  protocol?: OtlpProtocol;
  /**
   * Where the endpoint came from, as `explainConfig()` says it: `default`, `code`,
   * `file:<path>` or `env:<VARIABLE>`.
   */
  endpointOrigin?: string;
  /** The transport's own error, redacted (no header values, no credentials in URLs). */
  error?: string;
  /** How long the probe took, in milliseconds. */
  durationMillis?: number;
}

/** What `diagnoseTelemetry()` returns. */
export interface Diagnosis {
  /** True when no finding is a `problem`: every enabled signal delivered its probe. */
  ok: boolean;
  /** One finding per signal probed, in the order traces, metrics, logs. */
  findings: DoctorFinding[];
  /** Environment variables the configuration rejected (as `loadConfig()` reports them). */
  configWarnings: ConfigWarning[];
}

/** Options of `diagnoseTelemetry()`: the configuration sources of `initTelemetry()`, and the probes. */
export interface DiagnoseTelemetryOptions {
  /** Configuration set in code, as `initTelemetry({ config })` takes it. Default: none. */
  config?: TelemetryConfigOptions;
  /** Config file path. Default: `PROC_TELEMETRY_CONFIG_FILE`; none when neither is set. */
  file?: string;
  /** Where `OTEL_*` variables are read from. Default `process.env`. */
  env?: Record<string, string | undefined>;
  /**
   * The signals to probe. Default: every signal of the configuration (a disabled one gives a
   * `skipped` finding).
   */
  signals?: readonly DoctorSignal[];
  /**
   * How long each probe may take, in milliseconds: the export timeout of the probe (the
   * configured `export.timeoutMillis` does not apply) and of the port checks. A finite number
   * > 0. Default 5000.
   */
  timeoutMillis?: number;
}
