/**
 * Types of `@proc/telemetry-config`. `TelemetryConfig` is the resolved configuration: every
 * field present, validated, sources merged. Each sub-package takes only its own section
 * (`TraceConfig`, `MetricsConfig`, ...), never the whole config.
 *
 * Precedence of every field, lowest to highest: built-in defaults < config file < `OTEL_*`
 * environment variables < options passed in code. Where a field below names an environment
 * variable, that variable sets it; the config file and code set it under the same path.
 *
 * @packageDocumentation
 */

/** OTLP transport. Env: `OTEL_EXPORTER_OTLP_PROTOCOL` and its `_TRACES_` / `_METRICS_` / `_LOGS_` forms. */
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

/**
 * Which measurements may become exemplars (`OTEL_METRICS_EXEMPLAR_FILTER`), as the metrics SDK
 * specification names the filters: https://opentelemetry.io/docs/specs/otel/metrics/sdk/#exemplarfilter
 */
export type ExemplarFilterName = 'always_off' | 'trace_based' | 'always_on';

/** Propagator names (`OTEL_PROPAGATORS`). `none` alone disables propagation; a resolved config holds `[]` then. */
export type PropagatorName = 'tracecontext' | 'baggage' | 'b3' | 'b3multi' | 'jaeger' | 'none';

/** Diagnostic log level (`OTEL_LOG_LEVEL`). */
export type LogLevel = 'none' | 'error' | 'warn' | 'info' | 'debug' | 'verbose' | 'all';

/**
 * Resource detectors that may run, named as NodeSDK names them (`OTEL_NODE_RESOURCE_DETECTORS`).
 * `serviceinstance` stands for `service.instance.id`, which the config always holds (see
 * {@link ServiceConfig.instanceId}); `env` for `OTEL_RESOURCE_ATTRIBUTES`, always read here.
 */
export type ResourceDetectorName =
  | 'env'
  | 'host'
  | 'os'
  | 'process'
  | 'serviceinstance'
  | 'container';

/** Trace exporter (`OTEL_TRACES_EXPORTER`). */
export type TraceExporterName = 'otlp' | 'console' | 'none';

/** Metric exporter (`OTEL_METRICS_EXPORTER`). */
export type MetricExporterName = 'otlp' | 'prometheus' | 'console' | 'none';

/** Log record exporter (`OTEL_LOGS_EXPORTER`). */
export type LogExporterName = 'otlp' | 'console' | 'none';

/** An attribute value as OpenTelemetry accepts it. */
export type AttributeValue = string | number | boolean | string[] | number[] | boolean[];

/** Who the telemetry is about: becomes `service.*` and `deployment.environment.name`. */
export interface ServiceConfig {
  /**
   * `service.name`. Env: `OTEL_SERVICE_NAME`, else `service.name` in `OTEL_RESOURCE_ATTRIBUTES`.
   * Default `unknown_service:node`.
   */
  name: string;
  /** `service.version`. Env: `service.version` in `OTEL_RESOURCE_ATTRIBUTES`. No default. */
  version?: string;
  /** `service.namespace`. Env: `service.namespace` in `OTEL_RESOURCE_ATTRIBUTES`. No default. */
  namespace?: string;
  /**
   * `service.instance.id`. Env: `service.instance.id` in `OTEL_RESOURCE_ATTRIBUTES`.
   * Default: a random UUID, the same for every config built in this process.
   */
  instanceId?: string;
  /**
   * `deployment.environment.name`. Env: `deployment.environment.name` in
   * `OTEL_RESOURCE_ATTRIBUTES`. No default.
   */
  environment?: string;
}

/** Extra resource attributes and which detectors run. */
export interface ResourceConfig {
  /**
   * Env: `OTEL_RESOURCE_ATTRIBUTES` (percent-decoded `k=v,k2=v2`; the `service.*` and
   * `deployment.environment.name` keys go to {@link ServiceConfig} instead). Merged key by key
   * across sources. Values under credential-looking keys are redacted when printed. Default `{}`.
   */
  attributes: Record<string, AttributeValue>;
  /**
   * Which resource detectors run. Env: `OTEL_NODE_RESOURCE_DETECTORS`, as NodeSDK reads it: a
   * comma list of `env`, `host`, `os`, `process`, `serviceinstance`, `container`, or `all` /
   * `none`; unknown names are reported and skipped. Default: `env`, `host`, `os`, `process`,
   * `container`.
   */
  detectors: ResourceDetectorName[];
}

/**
 * TLS files for an OTLP connection, checked when the config is loaded: a file that cannot be
 * read, or a client key without its certificate (or a pair that does not match), given by an
 * environment variable is reported and ignored; given in code or a file it is an error.
 */
export interface TlsConfig {
  /**
   * CA certificate (PEM path). Env: `OTEL_EXPORTER_OTLP_CERTIFICATE` (`_TRACES_` / `_METRICS_` /
   * `_LOGS_`). No default.
   */
  certificateFile?: string;
  /**
   * Client private key (PEM path). Env: `OTEL_EXPORTER_OTLP_CLIENT_KEY` (`_TRACES_` / `_METRICS_`
   * / `_LOGS_`). No default.
   */
  clientKeyFile?: string;
  /**
   * Client certificate (PEM path). Env: `OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE`
   * (`_TRACES_` / `_METRICS_` / `_LOGS_`). No default.
   */
  clientCertificateFile?: string;
  /**
   * gRPC without TLS when the endpoint has no scheme: `loadConfig` resolves `host:port` to
   * `http://host:port` when true, `https://host:port` when false. Env:
   * `OTEL_EXPORTER_OTLP_INSECURE` (`_TRACES_` / `_METRICS_` / `_LOGS_`). Default false.
   */
  insecure: boolean;
}

/**
 * Where and how one signal is exported over OTLP. Each field's env var also exists per signal
 * (`OTEL_EXPORTER_OTLP_TRACES_*`, `OTEL_EXPORTER_OTLP_METRICS_*`, `OTEL_EXPORTER_OTLP_LOGS_*`),
 * which wins over the generic one; in code and files, `traces.export` / `metrics.export` /
 * `logs.export` win over the generic `export`.
 */
export interface ExportConfig {
  /**
   * The final URL for this signal. A signal-specific endpoint (`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`,
   * `traces.export.endpoint`) is used as-is; the generic one (`OTEL_EXPORTER_OTLP_ENDPOINT`,
   * `export.endpoint`) gets `/v1/traces`, `/v1/metrics` or `/v1/logs` appended for the HTTP protocols and is
   * used as-is for grpc, where `host:port` without scheme is accepted too (resolved by
   * `tls.insecure`). Default `http://localhost:4317` (grpc) or
   * `http://localhost:4318/v1/<signal>` (HTTP). `user:password@` is redacted when printed.
   */
  endpoint: string;
  /** Env: `OTEL_EXPORTER_OTLP_PROTOCOL`. Default `http/protobuf`, as the specification recommends. */
  protocol: OtlpProtocol;
  /**
   * Sent with every export (e.g. authentication). Env: `OTEL_EXPORTER_OTLP_HEADERS`
   * (percent-decoded `k=v,k2=v2`). Merged key by key across sources. Every value is redacted
   * whenever printed. Default `{}`.
   */
  headers: Record<string, string>;
  /** Env: `OTEL_EXPORTER_OTLP_COMPRESSION`. Default `none`. */
  compression: OtlpCompression;
  /** Per-export timeout in milliseconds, > 0. Env: `OTEL_EXPORTER_OTLP_TIMEOUT`. Default 10000. */
  timeoutMillis: number;
  /** TLS files and `insecure`. */
  tls: TlsConfig;
  /**
   * Exports of this signal in flight at once, a retrying one included. While the collector is
   * down only this many attempts are open, with a growing backoff between them; what cannot be
   * held meanwhile is dropped and counted (`maxQueueBytes`). Integer >= 1; code or
   * file only (no `OTEL_*` variable exists). Default 1.
   */
  maxConcurrentExports: number;
  /**
   * Bytes of encoded export requests this signal holds at most while they wait for their export
   * (the requests in flight, at most `maxConcurrentExports`, come on top). With the OTLP
   * exporter, spans and log records are encoded as soon as their batch fills, so this, not
   * `batch.maxQueueSize`, is what bounds a burst or an outage: a batch that does not fit is
   * dropped and counted (`queue full`). Integer >= 1. Env: `PROC_TELEMETRY_MAX_QUEUE_BYTES`,
   * per signal `PROC_TELEMETRY_TRACES_MAX_QUEUE_BYTES` (`_METRICS_`, `_LOGS_`), which wins.
   * A request that waits behind the export in flight is held gzipped and counts at its
   * compressed size. Default 33554432 (32 MiB): 100,000 spans of five attributes take about
   * 3.3 MiB held (16 MiB encoded) as protobuf, about 4 MiB held (54 MiB encoded) as JSON.
   */
  maxQueueBytes: number;
  /**
   * Bytes of requests this signal admits at most while its exports fail, waiting or in flight
   * (a failed attempt's request comes back to wait): from a failed attempt (refused, timed out,
   * rejected, retryable) until the next delivery, and while an attempt has gone unanswered for a
   * second (a collector that never answers). New batches beyond it are dropped and counted
   * (`queue full`); what was held before stays. The full
   * `maxQueueBytes` is for bursts the collector takes; this bounds what an outage adds to the
   * process. Above `maxQueueBytes` it has no effect (set them equal to keep the whole budget
   * through an outage). Integer >= 1. Env: `PROC_TELEMETRY_MAX_QUEUE_BYTES_WHILE_FAILING`, per
   * signal `PROC_TELEMETRY_TRACES_MAX_QUEUE_BYTES_WHILE_FAILING` (`_METRICS_`, `_LOGS_`), which
   * wins. Default 1048576 (1 MiB): about 30,000 spans of five attributes, held gzipped.
   */
  maxQueueBytesWhileFailing: number;
  /** How a failed export that may succeed later is sent again. */
  retry: RetryConfig;
}

/**
 * Retries of one signal's exports, for every protocol alike. Only failures the OTLP
 * specification calls transient are retried (HTTP 429/502/503/504, gRPC UNAVAILABLE & co., a
 * refused or reset connection, a timeout); a server's `Retry-After` is waited for at least.
 * Each env var also exists per signal (`PROC_TELEMETRY_TRACES_RETRY_*`,
 * `PROC_TELEMETRY_METRICS_RETRY_*`), which wins over the generic one.
 */
export interface RetryConfig {
  /**
   * Attempts per export, the first included; then it is given up and counted as failed. Integer
   * >= 1 (1: no retry). Env: `PROC_TELEMETRY_RETRY_MAX_ATTEMPTS`. Default 5.
   */
  maxAttempts: number;
  /**
   * Wait after the first failure, in milliseconds; it doubles with each further failure (±20%
   * jitter) up to `maxBackoffMillis` and is reset by a delivery. Integer > 0. Env:
   * `PROC_TELEMETRY_RETRY_INITIAL_BACKOFF_MILLIS`. Default 1000.
   */
  initialBackoffMillis: number;
  /**
   * Longest wait between two attempts, in milliseconds (it wins over a larger initial backoff).
   * Integer > 0. Env: `PROC_TELEMETRY_RETRY_MAX_BACKOFF_MILLIS`. Default 30000.
   */
  maxBackoffMillis: number;
  /**
   * Total time one export may take from its first attempt, retries and waits included, in
   * milliseconds: a retry that would start later is not made and the export counts as failed.
   * Integer > 0. Env: `PROC_TELEMETRY_RETRY_BUDGET_MILLIS`. Default: absent, no budget (the
   * attempts bound it).
   */
  budgetMillis?: number;
}

/** Batch span processor settings (`OTEL_BSP_*`). */
export interface BatchConfig {
  /**
   * Spans held as span objects at most. With the OTLP exporter they are encoded as soon as their
   * batch fills (at most `maxExportBatchSize` are ever objects) and `export.maxQueueBytes` bounds
   * the encoded queue; with a `SpanExporter` given in code or `console`, spans stay objects
   * until exported and this bounds them. Env: `OTEL_BSP_MAX_QUEUE_SIZE`. Integer >= 1.
   * Default 2048.
   */
  maxQueueSize: number;
  /**
   * Env: `OTEL_BSP_MAX_EXPORT_BATCH_SIZE`. Integer >= 1, at most `maxQueueSize`. Default 512, or
   * `maxQueueSize` when that is smaller. Set in code or a file above the queue size: an error;
   * brought by an env var: a warning, and it is clamped to the queue size.
   */
  maxExportBatchSize: number;
  /** Env: `OTEL_BSP_SCHEDULE_DELAY`. Milliseconds, > 0. Default 5000. */
  scheduledDelayMillis: number;
  /** Env: `OTEL_BSP_EXPORT_TIMEOUT`. Milliseconds, > 0. Default 30000. */
  exportTimeoutMillis: number;
}

/** Sampler and its argument. */
export interface SamplerConfig {
  /** Env: `OTEL_TRACES_SAMPLER` (case-insensitive). Default `parentbased_always_on`. */
  type: SamplerName;
  /**
   * Sampling probability for the ratio samplers, 0..1 (ignored by the others). Env:
   * `OTEL_TRACES_SAMPLER_ARG`, read unless `OTEL_TRACES_SAMPLER` names a sampler without
   * argument. Default 1.
   */
  ratio: number;
}

/** Span limits (`OTEL_SPAN_*_LIMIT`, falling back to `OTEL_ATTRIBUTE_*_LIMIT`). */
export interface SpanLimitsConfig {
  /** Env: `OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT`, else `OTEL_ATTRIBUTE_COUNT_LIMIT`. Integer >= 0. Default 128. */
  attributeCountLimit: number;
  /**
   * Env: `OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT`, else `OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT`.
   * Integer >= 0. Default: absent, meaning unlimited.
   */
  attributeValueLengthLimit?: number;
  /** Env: `OTEL_SPAN_EVENT_COUNT_LIMIT`. Integer >= 0. Default 128. */
  eventCountLimit: number;
  /** Env: `OTEL_SPAN_LINK_COUNT_LIMIT`. Integer >= 0. Default 128. */
  linkCountLimit: number;
  /**
   * Env: `OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT`, else the JS SDK's
   * `OTEL_SPAN_ATTRIBUTE_PER_EVENT_COUNT_LIMIT` (both set and different: the first wins, with a
   * warning naming both). Integer >= 0. Default 128.
   */
  attributePerEventCountLimit: number;
  /**
   * Env: `OTEL_LINK_ATTRIBUTE_COUNT_LIMIT`, else the JS SDK's
   * `OTEL_SPAN_ATTRIBUTE_PER_LINK_COUNT_LIMIT` (both set and different: the first wins, with a
   * warning naming both). Integer >= 0. Default 128.
   */
  attributePerLinkCountLimit: number;
}

/** The traces section, consumed by `@proc/telemetry-tracing`. */
export interface TraceConfig {
  /**
   * Whether traces are produced. Default true. Always false in the resolved config when the
   * final `exporter` is `none` (`OTEL_TRACES_EXPORTER=none`) or `disabled` is true.
   */
  enabled: boolean;
  /**
   * Where spans go: every exporter listed gets each span, through its own batch processor (as
   * NodeSDK does with `OTEL_TRACES_EXPORTER=console,otlp`). Env: `OTEL_TRACES_EXPORTER`, a comma
   * list (unknown entries are reported and skipped). In code or a file: one name or a list.
   * `none` (or `[]`) exports nothing; `none` must stand alone (beside others in the env var it still wins,
   * with a warning); a resolved config holds `[]` then and `enabled` is false. Default `['otlp']`.
   */
  exporter: TraceExporterName[];
  /** OTLP export settings for traces. */
  export: ExportConfig;
  /** Which spans are sampled. */
  sampler: SamplerConfig;
  /** Batch span processor. */
  batch: BatchConfig;
  /** Span limits. */
  limits: SpanLimitsConfig;
}

/** Prometheus pull endpoint. */
export interface PrometheusConfig {
  /** Env: `OTEL_EXPORTER_PROMETHEUS_HOST`. Default `localhost`. */
  host: string;
  /** Env: `OTEL_EXPORTER_PROMETHEUS_PORT`. Integer 0..65535. Default 9464. */
  port: number;
}

/** The metrics section, consumed by `@proc/telemetry-metrics`. */
export interface MetricsConfig {
  /**
   * Whether metrics are produced. Default true. Always false in the resolved config when the
   * final `exporter` is `none` (`OTEL_METRICS_EXPORTER=none`) or `disabled` is true.
   */
  enabled: boolean;
  /**
   * Where metrics go: one reader per exporter listed (`otlp` and `console` push every
   * `exportIntervalMillis`, `prometheus` is scraped). Env: `OTEL_METRICS_EXPORTER`, a comma list
   * (unknown entries are reported and skipped). In code or a file: one name or a list. `none`
   * (or `[]`) exports nothing; `none` must stand alone (beside others in the env var it still wins, with a
   * warning); a resolved config holds `[]` then and `enabled` is false. Default `['otlp']`.
   */
  exporter: MetricExporterName[];
  /** OTLP export settings for metrics. */
  export: ExportConfig;
  /** Env: `OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE` (case-insensitive). Default `cumulative`. */
  temporality: TemporalityPreference;
  /**
   * Which counter and histogram measurements become exemplars on the OTLP export, linking a
   * point to a trace: `trace_based` (recorded inside a sampled span), `always_on` (every
   * measurement) or `always_off`. Env: `OTEL_METRICS_EXEMPLAR_FILTER` (case-insensitive).
   * Default `trace_based`, as the specification gives.
   */
  exemplarFilter: ExemplarFilterName;
  /** Env: `OTEL_METRIC_EXPORT_INTERVAL`. Milliseconds, > 0. Default 60000. */
  exportIntervalMillis: number;
  /**
   * Env: `OTEL_METRIC_EXPORT_TIMEOUT`. Milliseconds, > 0, at most `exportIntervalMillis`.
   * Default 30000, or `exportIntervalMillis` when that is smaller.
   */
  exportTimeoutMillis: number;
  /** Pull endpoint when `exporter` is `prometheus`. */
  prometheus: PrometheusConfig;
}

/** Batch log record processor settings (`OTEL_BLRP_*`). */
export interface LogBatchConfig {
  /**
   * Log records held as objects at most: as for spans (`BatchConfig.maxQueueSize`), with OTLP
   * they are encoded as their batch fills and `export.maxQueueBytes` bounds the encoded queue.
   * Env: `OTEL_BLRP_MAX_QUEUE_SIZE`. Integer >= 1. Default 2048.
   */
  maxQueueSize: number;
  /**
   * Env: `OTEL_BLRP_MAX_EXPORT_BATCH_SIZE`. Integer >= 1, at most `maxQueueSize`. Default 512, or
   * `maxQueueSize` when that is smaller. Set in code or a file above the queue size: an error;
   * brought by an env var: a warning, and it is clamped to the queue size.
   */
  maxExportBatchSize: number;
  /** Env: `OTEL_BLRP_SCHEDULE_DELAY`. Milliseconds, > 0. Default 1000. */
  scheduledDelayMillis: number;
  /** Env: `OTEL_BLRP_EXPORT_TIMEOUT`. Milliseconds, > 0. Default 30000. */
  exportTimeoutMillis: number;
}

/** Log record limits (`OTEL_LOGRECORD_*_LIMIT`, falling back to `OTEL_ATTRIBUTE_*_LIMIT`). */
export interface LogRecordLimitsConfig {
  /**
   * Env: `OTEL_LOGRECORD_ATTRIBUTE_COUNT_LIMIT`, else `OTEL_ATTRIBUTE_COUNT_LIMIT`. Integer >= 0.
   * Default 128.
   */
  attributeCountLimit: number;
  /**
   * Env: `OTEL_LOGRECORD_ATTRIBUTE_VALUE_LENGTH_LIMIT`, else `OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT`.
   * Integer >= 0. Default: absent, meaning unlimited.
   */
  attributeValueLengthLimit?: number;
}

/** The logs section, consumed by `@proc/telemetry-logs`. */
export interface LogsConfig {
  /**
   * Whether log records are exported. Default true. Always false in the resolved config when the
   * final `exporter` is `none` (`OTEL_LOGS_EXPORTER=none`) or `disabled` is true.
   */
  enabled: boolean;
  /**
   * Where log records go: every exporter listed gets each record, through its own batch
   * processor. Env: `OTEL_LOGS_EXPORTER`, a comma list (unknown entries are reported and
   * skipped). In code or a file: one name or a list. `none` (or `[]`) exports nothing; `none` must stand alone
   * (beside others in the env var it still wins, with a warning); a resolved config holds `[]`
   * then and `enabled` is false. Default `['otlp']`.
   */
  exporter: LogExporterName[];
  /** OTLP export settings for logs. */
  export: ExportConfig;
  /** Batch log record processor. */
  batch: LogBatchConfig;
  /** Log record limits. */
  limits: LogRecordLimitsConfig;
}

/**
 * The official Node.js instrumentations this toolkit can enable, named as
 * `@opentelemetry/auto-instrumentations-node` names them in `OTEL_NODE_ENABLED_INSTRUMENTATIONS`
 * (the package name without `@opentelemetry/instrumentation-`).
 */
export type InstrumentationName = 'http' | 'undici' | 'kafkajs' | 'pino' | 'runtime-node';

/** One instrumentation's settings. */
export interface InstrumentationConfig {
  /**
   * Whether the instrumentation is enabled. Env: its name in
   * `OTEL_NODE_ENABLED_INSTRUMENTATIONS` sets true, in `OTEL_NODE_DISABLED_INSTRUMENTATIONS`
   * false (disabled wins when both name it). Default false: nothing is patched unless asked.
   */
  enabled: boolean;
}

/**
 * Which official instrumentations run: `http` (`node:http`/`https` client and server spans and
 * metrics), `undici` (`fetch` and undici client spans), `kafkajs` (producer and consumer spans),
 * `pino` (trace ids in log lines and pino records sent as OTLP log records), `runtime-node`
 * (event loop delay and utilization, GC, heap metrics). All off by default.
 */
export interface InstrumentationsConfig {
  http: InstrumentationConfig;
  undici: InstrumentationConfig;
  kafkajs: InstrumentationConfig;
  pino: InstrumentationConfig;
  'runtime-node': InstrumentationConfig;
}

/** The whole resolved configuration. */
export interface TelemetryConfig {
  /**
   * Env: `OTEL_SDK_DISABLED` (`true` / `false`, case-insensitive). True turns every signal into
   * a no-op (every `enabled` flag becomes false). Default false.
   */
  disabled: boolean;
  /** Who the telemetry is about. */
  service: ServiceConfig;
  /** Extra resource attributes and detectors. */
  resource: ResourceConfig;
  /** The traces section. */
  traces: TraceConfig;
  /** The metrics section. */
  metrics: MetricsConfig;
  /** The logs section. */
  logs: LogsConfig;
  /** Which official instrumentations are enabled (none by default). */
  instrumentations: InstrumentationsConfig;
  /**
   * Env: `OTEL_PROPAGATORS` (comma list; unknown entries are reported and skipped). `none`
   * resolves to `[]`. Default `['tracecontext', 'baggage']`.
   */
  propagators: PropagatorName[];
  /** Env: `OTEL_LOG_LEVEL` (case-insensitive). Default `info`. */
  logLevel: LogLevel;
  /** The SDK's own health metrics, consumed by `@proc/telemetry`. */
  selfTelemetry: SelfTelemetryConfig;
}

/**
 * The SDK's health as metrics on the app's own meter provider, named per the OpenTelemetry
 * semantic conventions for SDK metrics (`otel.sdk.span.*`, `otel.sdk.processor.*`,
 * `otel.sdk.exporter.*`): spans started and live, what each export path queued, processed,
 * exported, dropped and how long its exports took.
 */
export interface SelfTelemetryConfig {
  /**
   * Whether they are recorded. Env: `PROC_TELEMETRY_SELF_TELEMETRY_ENABLED` (`true` / `false`).
   * Default true.
   */
  enabled: boolean;
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
 * `export` is the code-side twin of `OTEL_EXPORTER_OTLP_*`: it applies to every signal, and
 * `traces.export` / `metrics.export` / `logs.export` override it field by field. As with the
 * environment variables, a generic `export.endpoint` gets `/v1/traces`, `/v1/metrics` or
 * `/v1/logs` appended for the HTTP protocols, while `<signal>.export.endpoint` is used as-is.
 *
 * `undefined` means "not set here" (the next source down applies); in a file, so does `null`.
 */
export type TelemetryConfigOptions = Omit<
  DeepPartial<TelemetryConfig>,
  'traces' | 'metrics' | 'logs'
> & {
  /** The traces section; `exporter` may be one name or a list. */
  traces?: SignalOptions<TraceConfig>;
  /** The metrics section; `exporter` may be one name or a list. */
  metrics?: SignalOptions<MetricsConfig>;
  /** The logs section; `exporter` may be one name or a list. */
  logs?: SignalOptions<LogsConfig>;
  /** Applies to every signal; per-signal `traces.export` / `metrics.export` / `logs.export` win. */
  export?: ExportOptions;
};

/**
 * A signal's section as given in code or in a file: every field optional, and `exporter` one
 * name (`'otlp'`) or a list (`['console', 'otlp']`).
 */
export type SignalOptions<T extends { exporter: string[] }> = Omit<DeepPartial<T>, 'exporter'> & {
  /** One exporter or several; see the section's `exporter` field. */
  exporter?: T['exporter'][number] | T['exporter'];
};

/** A rejected environment variable: reported, then ignored in favour of the next source. */
export interface ConfigWarning {
  /** The environment variable, e.g. `OTEL_BSP_MAX_QUEUE_SIZE`. */
  variable: string;
  /** The value received (redacted when it may hold a secret). */
  value: string;
  /** What would have been accepted, e.g. `an integer >= 1`. */
  expected: string;
  /**
   * One readable line, prefixed `@proc/telemetry-config:`. The same line goes to the diag logger
   * under its `@proc/telemetry-config` namespace (`logConfigWarning()`).
   */
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

/** Where one value of the resolved configuration came from; see `explainConfig()`. */
export interface ConfigValueOrigin {
  /**
   * Dotted path in {@link TelemetryConfig}, e.g. `traces.batch.maxQueueSize`. Headers and
   * resource attributes are listed key by key (`traces.export.headers.authorization`).
   */
  path: string;
  /** The value, redacted as every printed form of the config is (header values are `[REDACTED]`). */
  value: unknown;
  /** The source that set it. */
  source: ConfigSource;
  /**
   * The source in full: `default`, `code`, `file:<path>` or `env:<VARIABLE>`, e.g.
   * `env:OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (`env` alone when the variable cannot be told).
   */
  origin: string;
}

/** What `explainConfig()` returns: the config `loadConfig()` gives, and where each value came from. */
export interface ConfigExplanation {
  /** The resolved configuration, as `loadConfig()` returns it (raw values, redacted printers). */
  config: TelemetryConfig;
  /** Every value present in `config`, in its field order, with its source. */
  values: ConfigValueOrigin[];
  /** The rejected environment variables (also sent to `diag.warn` and `onWarning`). */
  warnings: ConfigWarning[];
  /** The config file that was read, when one was (`file` option or `PROC_TELEMETRY_CONFIG_FILE`). */
  file?: string;
}

/** An OTLP endpoint as `parseOtlpEndpoint()` reads it. */
export interface OtlpEndpoint {
  /** The endpoint as a URL: as given, or `http://` / `https://` + `host:port` by `insecure`. */
  url: string;
  /** Whether it was given with its scheme (`false`: the gRPC `host:port` form). */
  hasScheme: boolean;
  /** Whether the transport speaks TLS to it (`https://`, or `host:port` without `insecure`). */
  secure: boolean;
  /** Host name or IP address, without the brackets of an IPv6 literal. */
  host: string;
  /** The port; the scheme's (80, 443) when none is given. */
  port: number;
  /** `host:port` as a gRPC channel dials it (an IPv6 literal in brackets). */
  authority: string;
  /** The URL path (`/` for none). */
  path: string;
}
