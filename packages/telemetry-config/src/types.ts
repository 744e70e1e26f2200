/**
 * The resolved configuration: every field present, validated, sources merged. Each sub-package
 * takes only its own section (`TraceConfig`, `MetricsConfig`, ...), never the whole config.
 *
 * Precedence, lowest to highest: built-in defaults < config file < OTEL_* environment
 * variables < options passed in code.
 */

/** OTLP transport. Env: `OTEL_EXPORTER_OTLP_PROTOCOL` and its `_TRACES_` / `_METRICS_` forms. */
export type OtlpProtocol = 'grpc' | 'http/protobuf' | 'http/json';

/** Payload compression. Env: `OTEL_EXPORTER_OTLP_COMPRESSION`. */
export type OtlpCompression = 'gzip' | 'none';

/** Sampler names as the OpenTelemetry specification spells them (`OTEL_TRACES_SAMPLER`). */
export type SamplerName =
  | 'always_on'
  | 'always_off'
  | 'traceidratio'
  | 'parentbased_always_on'
  | 'parentbased_always_off'
  | 'parentbased_traceidratio';

/** Aggregation temporality preference (`OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE`). */
export type TemporalityPreference = 'cumulative' | 'delta' | 'lowmemory';

/** Propagator names (`OTEL_PROPAGATORS`). `none` alone disables propagation. */
export type PropagatorName = 'tracecontext' | 'baggage' | 'b3' | 'b3multi' | 'jaeger' | 'none';

/** Diagnostic log level (`OTEL_LOG_LEVEL`). */
export type LogLevel = 'none' | 'error' | 'warn' | 'info' | 'debug' | 'verbose' | 'all';

/** Resource detectors that may run. */
export type ResourceDetectorName = 'env' | 'host' | 'os' | 'process' | 'container';

/** Trace exporter (`OTEL_TRACES_EXPORTER`). */
export type TraceExporterName = 'otlp' | 'console' | 'none';

/** Metric exporter (`OTEL_METRICS_EXPORTER`). */
export type MetricExporterName = 'otlp' | 'prometheus' | 'console' | 'none';

/** An attribute value as OpenTelemetry accepts it. */
export type AttributeValue = string | number | boolean | string[] | number[] | boolean[];

/** Who the telemetry is about: becomes `service.*` and `deployment.environment.name`. */
export interface ServiceConfig {
  /** `service.name`. Env: `OTEL_SERVICE_NAME`. Default `unknown_service:node`. */
  name: string;
  /** `service.version`. */
  version?: string;
  /** `service.namespace`. */
  namespace?: string;
  /** `service.instance.id`. Default: a random UUID, stable for the process. */
  instanceId?: string;
  /** `deployment.environment.name`. */
  environment?: string;
}

/** Extra resource attributes and which detectors run. */
export interface ResourceConfig {
  /** Env: `OTEL_RESOURCE_ATTRIBUTES` (percent-decoded `k=v,k2=v2`). Default `{}`. */
  attributes: Record<string, AttributeValue>;
  /** Default: all of `env`, `host`, `os`, `process`, `container`. */
  detectors: ResourceDetectorName[];
}

/** TLS files for an OTLP connection. */
export interface TlsConfig {
  /** CA certificate (PEM path). Env: `OTEL_EXPORTER_OTLP_CERTIFICATE`. */
  certificateFile?: string;
  /** Client private key (PEM path). Env: `OTEL_EXPORTER_OTLP_CLIENT_KEY`. */
  clientKeyFile?: string;
  /** Client certificate (PEM path). Env: `OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE`. */
  clientCertificateFile?: string;
  /** gRPC without TLS when the endpoint has no scheme. Env: `OTEL_EXPORTER_OTLP_INSECURE`. Default false. */
  insecure: boolean;
}

/** Where and how one signal is exported over OTLP. */
export interface ExportConfig {
  /**
   * The final URL for this signal. A signal-specific endpoint (`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`)
   * is used as-is; the generic `OTEL_EXPORTER_OTLP_ENDPOINT` gets `/v1/traces` or `/v1/metrics`
   * appended for the HTTP protocols. Default `http://localhost:4317` (grpc) or
   * `http://localhost:4318/v1/<signal>` (http).
   */
  endpoint: string;
  /** Default `http/protobuf`, as the specification recommends. */
  protocol: OtlpProtocol;
  /** Sent with every export (e.g. authentication). Redacted whenever printed. Default `{}`. */
  headers: Record<string, string>;
  /** Default `none`. */
  compression: OtlpCompression;
  /** Per-export timeout. Env: `OTEL_EXPORTER_OTLP_TIMEOUT`. Default 10000. */
  timeoutMillis: number;
  tls: TlsConfig;
}

/** Batch span processor settings (`OTEL_BSP_*`). */
export interface BatchConfig {
  /** `OTEL_BSP_MAX_QUEUE_SIZE`. Default 2048. */
  maxQueueSize: number;
  /** `OTEL_BSP_MAX_EXPORT_BATCH_SIZE`. Default 512; must not exceed `maxQueueSize`. */
  maxExportBatchSize: number;
  /** `OTEL_BSP_SCHEDULE_DELAY`. Default 5000. */
  scheduledDelayMillis: number;
  /** `OTEL_BSP_EXPORT_TIMEOUT`. Default 30000. */
  exportTimeoutMillis: number;
}

/** Sampler and its argument. */
export interface SamplerConfig {
  /** `OTEL_TRACES_SAMPLER`. Default `parentbased_always_on`. */
  type: SamplerName;
  /** `OTEL_TRACES_SAMPLER_ARG` for the ratio samplers, 0..1. Default 1. */
  ratio: number;
}

/** Span limits (`OTEL_SPAN_*_LIMIT`, falling back to `OTEL_ATTRIBUTE_*_LIMIT`). */
export interface SpanLimitsConfig {
  /** Default 128. */
  attributeCountLimit: number;
  /** Default unlimited (`Infinity`, serialised as absent). */
  attributeValueLengthLimit?: number;
  /** Default 128. */
  eventCountLimit: number;
  /** Default 128. */
  linkCountLimit: number;
  /** Default 128. */
  attributePerEventCountLimit: number;
  /** Default 128. */
  attributePerLinkCountLimit: number;
}

/** The traces section, consumed by `@proc/telemetry-tracing`. */
export interface TraceConfig {
  /** Default true; false when `OTEL_TRACES_EXPORTER=none` or the SDK is disabled. */
  enabled: boolean;
  /** Default `otlp`. */
  exporter: TraceExporterName;
  export: ExportConfig;
  sampler: SamplerConfig;
  batch: BatchConfig;
  limits: SpanLimitsConfig;
}

/** Prometheus pull endpoint. */
export interface PrometheusConfig {
  /** `OTEL_EXPORTER_PROMETHEUS_HOST`. Default `localhost`. */
  host: string;
  /** `OTEL_EXPORTER_PROMETHEUS_PORT`. Default 9464. */
  port: number;
}

/** The metrics section, consumed by `@proc/telemetry-metrics`. */
export interface MetricsConfig {
  /** Default true; false when `OTEL_METRICS_EXPORTER=none` or the SDK is disabled. */
  enabled: boolean;
  /** Default `otlp`. */
  exporter: MetricExporterName;
  export: ExportConfig;
  /** Default `cumulative`. */
  temporality: TemporalityPreference;
  /** `OTEL_METRIC_EXPORT_INTERVAL`. Default 60000. */
  exportIntervalMillis: number;
  /** `OTEL_METRIC_EXPORT_TIMEOUT`. Default 30000. */
  exportTimeoutMillis: number;
  prometheus: PrometheusConfig;
}

/** The whole resolved configuration. */
export interface TelemetryConfig {
  /** `OTEL_SDK_DISABLED=true` turns every signal into a no-op. Default false. */
  disabled: boolean;
  service: ServiceConfig;
  resource: ResourceConfig;
  traces: TraceConfig;
  metrics: MetricsConfig;
  /** `OTEL_PROPAGATORS`. Default `['tracecontext', 'baggage']`. */
  propagators: PropagatorName[];
  /** `OTEL_LOG_LEVEL`. Default `info`. */
  logLevel: LogLevel;
}

/** Where a value came from, lowest to highest precedence: `default` < `file` < `env` < `code`. */
export type ConfigSource = 'default' | 'file' | 'env' | 'code';

/** Makes every field optional, recursively (arrays are taken whole). */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Export settings as given in code or in a file: every field optional. */
export type ExportOptions = DeepPartial<ExportConfig>;

/**
 * The configuration a user writes, in code or in a config file: any subset of
 * {@link TelemetryConfig}, plus a generic `export` section.
 *
 * `export` is the code-side twin of `OTEL_EXPORTER_OTLP_*`: it applies to both signals, and
 * `traces.export` / `metrics.export` override it field by field. As with the environment
 * variables, a generic `export.endpoint` gets `/v1/traces` or `/v1/metrics` appended for the HTTP
 * protocols, while `traces.export.endpoint` / `metrics.export.endpoint` are used as-is.
 *
 * `undefined` means "not set here" (the next source down applies); in a file, so does `null`.
 */
export type TelemetryConfigOptions = DeepPartial<TelemetryConfig> & {
  /** Applies to both signals; per-signal `traces.export` / `metrics.export` win. */
  export?: ExportOptions;
};

/** A rejected environment variable: reported, then ignored in favour of the next source. */
export interface ConfigWarning {
  /** The environment variable, e.g. `OTEL_BSP_MAX_QUEUE_SIZE`. */
  variable: string;
  /** The value received (redacted when it may hold a secret). */
  value: string;
  /** What would have been accepted, e.g. `an integer >= 1`. */
  expected: string;
  /** One readable line, prefixed `@proc/telemetry-config:`. Also sent to `diag.warn`. */
  message: string;
}

/** One problem found in a config given in code or in a file. */
export interface TelemetryConfigIssue {
  /** Dotted path of the offending field, e.g. `traces.sampler.ratio` (`''` for the whole file). */
  path: string;
  /** The value received; `[REDACTED]` when it may hold a secret. */
  received: unknown;
  /** What is accepted, e.g. `a number from 0 to 1`. */
  expected: string;
  /** Which source held the bad value. */
  source: ConfigSource;
}

/** Options for `loadConfig`. */
export interface LoadConfigOptions {
  /** Values from code: the highest precedence. */
  config?: TelemetryConfigOptions;
  /**
   * Path of a YAML or JSON config file. Default: the `PROC_TELEMETRY_CONFIG_FILE` environment
   * variable; no file when neither is set.
   */
  file?: string;
  /** Environment to read `OTEL_*` variables and `${NAME}` references from. Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Called once per rejected environment variable (each is also sent to `diag.warn`). */
  onWarning?: (warning: ConfigWarning) => void;
}

/** Options for `parseConfig`. */
export interface ParseConfigOptions {
  /** Environment for `${NAME}` references. Default `process.env`. OTEL_* variables are not applied. */
  env?: Record<string, string | undefined>;
  /** Where the text came from, used in error messages. Default `(text)`. */
  origin?: string;
}

/** Text formats of a config file. */
export type ConfigFormat = 'json' | 'yaml';
