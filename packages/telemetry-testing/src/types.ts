import type { SpanKind, SpanStatusCode } from '@opentelemetry/api';

/**
 * The wire protocol a record arrived on (the values of `OtlpProtocol` in
 * `@proc/telemetry-config`, which this package does not depend on).
 */
export type ReceiverProtocol = 'grpc' | 'http/protobuf' | 'http/json';

/**
 * Attributes as received, flattened from OTLP `KeyValue` lists: strings, booleans and doubles as
 * themselves, `int64` as `number` (a `bigint` only when the value is outside the safe integer
 * range), arrays as JS arrays, key-value lists as plain objects and bytes as `Uint8Array`.
 */
export type ReceivedAttributes = Record<string, unknown>;

/** Options of {@link startOtlpReceiver}. */
export interface OtlpReceiverOptions {
  /** Interface to bind both servers to. Default `'127.0.0.1'`. */
  host?: string;
  /** Port of the OTLP/gRPC server; `0` (default) picks a free port. */
  grpcPort?: number;
  /** Port of the OTLP/HTTP server; `0` (default) picks a free port. */
  httpPort?: number;
  /**
   * Largest request accepted, in bytes: HTTP bodies over it (compressed or, after gunzip,
   * uncompressed) get `413`, gRPC messages get `RESOURCE_EXHAUSTED`. Default 20 MiB.
   */
  maxBodyBytes?: number;
  /**
   * How many spans, metric points and log records the receiver keeps (each); past it the oldest
   * are dropped, and queries and waits see only what is kept. Set it when the receiver runs for
   * long (a live view, a demo): otherwise memory grows with everything received. The latest
   * export of each metric (`metric(name)`) is kept regardless. Default: everything is kept.
   */
  maxRecords?: number;
}

/** The instrumentation scope a record was emitted under. */
export interface ReceivedScope {
  name: string;
  version?: string;
  attributes: ReceivedAttributes;
}

/** A span event. */
export interface ReceivedSpanEvent {
  name: string;
  timeUnixNano: bigint;
  attributes: ReceivedAttributes;
}

/** A link from a span to another span context. */
export interface ReceivedSpanLink {
  /** Lower-case hex, 32 characters. */
  traceId: string;
  /** Lower-case hex, 16 characters. */
  spanId: string;
  traceState?: string;
  attributes: ReceivedAttributes;
}

/** One span as received, flattened from its resource and scope. */
export interface ReceivedSpan {
  /** Lower-case hex, 32 characters. */
  traceId: string;
  /** Lower-case hex, 16 characters. */
  spanId: string;
  /** Lower-case hex; `undefined` for a root span. */
  parentSpanId?: string;
  /** W3C `tracestate` header value, when set. */
  traceState?: string;
  /** OTLP span flags (W3C trace flags in the low byte). */
  flags: number;
  name: string;
  /** `@opentelemetry/api` `SpanKind` (`INTERNAL` = 0); OTLP's 1-based kind is converted. */
  kind: SpanKind;
  status: { code: SpanStatusCode; message?: string };
  attributes: ReceivedAttributes;
  events: ReceivedSpanEvent[];
  links: ReceivedSpanLink[];
  /** Resource attributes. */
  resource: ReceivedAttributes;
  scope: ReceivedScope;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  protocol: ReceiverProtocol;
}

/** A span with its child spans, as returned by `traceTree`. */
export interface SpanTreeNode {
  span: ReceivedSpan;
  /** Children, ordered by start time. */
  children: SpanTreeNode[];
}

/** Kind of the metric a point belongs to. */
export type MetricType = 'sum' | 'gauge' | 'histogram' | 'exponentialHistogram' | 'summary';

/** Buckets of a histogram point. */
export interface ReceivedHistogram {
  count: number;
  sum?: number;
  min?: number;
  max?: number;
  /**
   * Explicit histograms: one count per bucket (`explicitBounds.length + 1`). Exponential
   * histograms: the positive buckets.
   */
  bucketCounts: number[];
  /** Explicit histograms: the bucket boundaries; empty for exponential histograms. */
  explicitBounds: number[];
  /** Exponential histograms only. */
  scale?: number;
  /** Exponential histograms only. */
  zeroCount?: number;
  /** Exponential histograms only. */
  positive?: { offset: number; bucketCounts: number[] };
  /** Exponential histograms only. */
  negative?: { offset: number; bucketCounts: number[] };
  /** Summaries only. */
  quantiles?: { quantile: number; value: number }[];
}

/**
 * Which field of OTLP's `value` oneof a number point or an exemplar carried: `as_int` (an int64)
 * or `as_double`. An `int` 5 and a `double` 5.0 have the same `value`; this tells them apart.
 */
export type NumberValueType = 'int' | 'double';

/** An exemplar attached to a metric point. */
export interface ReceivedExemplar {
  traceId?: string;
  spanId?: string;
  /** As in {@link ReceivedMetricPoint.value}: a `bigint` only for an int beyond the safe range. */
  value: number | bigint;
  /** Whether the value was sent as `as_int` or `as_double`. */
  valueType: NumberValueType;
  attributes: ReceivedAttributes;
  timeUnixNano: bigint;
}

/** One metric data point, flattened from its metric, scope and resource. */
export interface ReceivedMetricPoint {
  name: string;
  description: string;
  unit: string;
  type: MetricType;
  /** Sums and histograms only. */
  temporality?: 'delta' | 'cumulative';
  /** Sums only. */
  isMonotonic?: boolean;
  attributes: ReceivedAttributes;
  /**
   * Sums and gauges. An `as_int` value is exact: a `number` within `Number.MAX_SAFE_INTEGER`, a
   * `bigint` beyond it (as int64 attributes are); an `as_double` value is a `number`.
   */
  value?: number | bigint;
  /**
   * Sums and gauges: whether the value was sent as `as_int` or `as_double`, so a test can assert
   * that an int stays an int (`5` and `5.0` have the same `value`).
   */
  valueType?: NumberValueType;
  /** Histograms, exponential histograms and summaries. */
  histogram?: ReceivedHistogram;
  exemplars: ReceivedExemplar[];
  startTimeUnixNano: bigint;
  timeUnixNano: bigint;
  resource: ReceivedAttributes;
  scope: ReceivedScope;
  protocol: ReceiverProtocol;
}

/** One log record, flattened from its scope and resource. */
export interface ReceivedLogRecord {
  timeUnixNano: bigint;
  observedTimeUnixNano: bigint;
  severityNumber: number;
  severityText?: string;
  /** The body as a JS value (same conversion as attributes). */
  body: unknown;
  attributes: ReceivedAttributes;
  /** Lower-case hex, when the record is correlated with a span. */
  traceId?: string;
  spanId?: string;
  flags: number;
  eventName?: string;
  resource: ReceivedAttributes;
  scope: ReceivedScope;
  protocol: ReceiverProtocol;
}

/** Filter of `spans()` and `waitForSpans()`. */
export interface SpanFilter {
  name?: string;
  /** Lower-case hex (upper case is accepted too). */
  traceId?: string;
}

/** Filter of `logs()` and `waitForLogs()`: a record matches when it has every field given. */
export interface LogFilter {
  /** The body, exactly (a string), or a pattern the string body matches. */
  body?: string | RegExp;
  /** Lower-case hex (upper case is accepted too). */
  traceId?: string;
  /** Lower-case hex (upper case is accepted too). */
  spanId?: string;
  /** At least this severity (`SeverityNumber` of `@opentelemetry/api-logs`: INFO = 9, WARN = 13, ERROR = 17). */
  minSeverity?: number;
  /** The instrumentation scope name (the logger's name). */
  scope?: string;
}

/** Options of `waitForLogs()`. */
export interface WaitForLogsOptions extends LogFilter {
  /** Default 5000 ms. */
  timeoutMs?: number;
}

/** Options of {@link renderLogTail}. */
export interface LogTailOptions {
  /** The latest records drawn, oldest first. Default 10. */
  maxLines?: number;
  /** Width a body is cut to, with `…`. Default 80. */
  bodyWidth?: number;
}

/** Options of `waitForSpans()`. */
export interface WaitForSpansOptions extends SpanFilter {
  /** Default 5000 ms. */
  timeoutMs?: number;
}

/** Options of `waitForMetric()`. */
export interface WaitForMetricOptions {
  /** Default 5000 ms. */
  timeoutMs?: number;
  /**
   * Resolve only when the points of the latest export holding the metric satisfy this.
   * Default: any point.
   */
  predicate?: (points: ReceivedMetricPoint[]) => boolean;
}

/** How a failing request is answered by `failNext`/`failFor`. */
export interface FailureOptions {
  /** HTTP status for OTLP/HTTP requests. Default 503. */
  httpStatus?: number;
  /** gRPC status code for OTLP/gRPC requests. Default 14 (`UNAVAILABLE`). */
  grpcCode?: number;
  /** Sent as the `Retry-After` header (delay-seconds) of OTLP/HTTP failures. Default: none. */
  retryAfterSeconds?: number;
}

/** Counters of one protocol. */
export interface ProtocolStats {
  /** Export requests received (good, bad and deliberately failed). */
  requests: number;
  /**
   * Payload bytes received: HTTP bodies as sent (before gunzip), gRPC messages after
   * gRPC decompression.
   */
  bytes: number;
  /** Requests whose payload could not be decoded. */
  decodeFailures: number;
}

/** Counters per protocol, as returned by `stats()`. */
export interface ReceiverStats {
  grpc: ProtocolStats;
  'http/protobuf': ProtocolStats;
  'http/json': ProtocolStats;
  /** HTTP requests refused before decoding (wrong path, method, content type, size). */
  httpRejected: number;
}

/** A running receiver, as returned by {@link startOtlpReceiver}. */
export interface OtlpReceiver {
  /** `http://<host>:<grpcPort>`, the OTLP/gRPC endpoint. */
  readonly grpcUrl: string;
  /** `http://<host>:<httpPort>`; clients append `/v1/traces`, `/v1/metrics`, `/v1/logs`. */
  readonly httpUrl: string;
  readonly grpcPort: number;
  readonly httpPort: number;
  /** Spans received so far, in arrival order, optionally filtered. */
  spans(filter?: SpanFilter): ReceivedSpan[];
  /**
   * Resolves with the matching spans once at least `n` match; rejects with a message that
   * says what did arrive when `timeoutMs` passes first.
   */
  waitForSpans(n: number, options?: WaitForSpansOptions): Promise<ReceivedSpan[]>;
  /** The spans of a trace as trees: the roots (spans whose parent did not arrive), ordered by start. */
  traceTree(traceId: string): SpanTreeNode[];
  /** Every metric point received, in arrival order, optionally only those of one metric. */
  metricPoints(filter?: { name?: string }): ReceivedMetricPoint[];
  /** The points of `name` in the latest export request that held it (empty if none did). */
  metric(name: string): ReceivedMetricPoint[];
  /** Resolves with `metric(name)` once an export holding `name` satisfies `predicate`. */
  waitForMetric(name: string, options?: WaitForMetricOptions): Promise<ReceivedMetricPoint[]>;
  /** Log records received so far, in arrival order, optionally filtered. */
  logs(filter?: LogFilter): ReceivedLogRecord[];
  /**
   * Resolves with the matching log records once at least `n` match; rejects with a message that
   * says what did arrive when `timeoutMs` passes first.
   */
  waitForLogs(n: number, options?: WaitForLogsOptions): Promise<ReceivedLogRecord[]>;
  /** Forgets everything received (counters are kept). */
  clear(): void;
  /** Closes both servers and every open connection. Received data is kept. */
  stop(): Promise<void>;
  /** Stops (if running) and starts again on the same ports. */
  restart(): Promise<void>;
  /** Answer the next `n` export requests with an error (HTTP 503 / gRPC `UNAVAILABLE`). */
  failNext(n: number, options?: FailureOptions): void;
  /** Answer every export request with an error for the next `ms` milliseconds. */
  failFor(ms: number, options?: FailureOptions): void;
  /** Delay every answer by `ms` milliseconds (0 turns it off). */
  delayResponses(ms: number): void;
  /** Destroy the connection of the next `n` export requests instead of answering. */
  dropNextConnections(n: number): void;
  /** Request, byte and decode-failure counters per protocol. */
  stats(): ReceiverStats;
}

/** Options of {@link renderTraceWaterfall}. */
export interface TraceWaterfallOptions {
  /** Width of a span's duration bar, in characters. Default 40. */
  barWidth?: number;
  /** Width of the span-name column (indentation included); longer names are cut with `…`. Default 36. */
  nameWidth?: number;
  /**
   * Span lines drawn at most; the rest of the trace is summed up in a last `… N more span(s)`
   * line. Default 30.
   */
  maxSpans?: number;
  /**
   * Longest run of consecutive sibling spans with the same name that is drawn in full (a batch
   * span with one child per message, say): past it, the run's spans are replaced by one
   * `… N more <name>` line, except those with an error status, which are always drawn. Default:
   * no limit.
   */
  maxSameName?: number;
  /** Append `N links` to each span that has links. Default `false`. */
  showLinkCount?: boolean;
}

/** Options of {@link renderMetricTable}. */
export interface MetricTableOptions {
  /** Only the metrics whose name starts with this, e.g. `'processor.'`. Default: every metric. */
  namePrefix?: string;
  /** Rows (points) drawn at most; the rest are counted in a last `… N more row(s)` line. Default 30. */
  maxRows?: number;
  /**
   * Width to fit (a terminal's columns): the attributes column, then the metric column, are
   * narrowed (cut with `…`) so that each value shows in full. Default: columns up to 40 wide.
   */
  width?: number;
}

/** What the web view reads from a receiver: its public queries, nothing internal. */
export type ReceiverUiSource = Pick<OtlpReceiver, 'spans' | 'metricPoints' | 'logs'> &
  Partial<Pick<OtlpReceiver, 'httpUrl' | 'grpcUrl'>>;

/** Options of {@link startReceiverUi}. */
export interface ReceiverUiOptions {
  /**
   * Port on 127.0.0.1; `0` (default) picks a free one. The view is only ever served on the
   * loopback interface: trace data can hold anything, so it is not offered to the network.
   */
  port?: number;
  /** How often the page asks whether something new arrived, in milliseconds. Default 2000. */
  refreshMillis?: number;
  /** Traces a trace-list answer holds at most (the newest first). Default 200. */
  maxTraces?: number;
  /** Spans a trace answer holds at most (the rest are counted). Default 2000. */
  maxSpansPerTrace?: number;
  /** Log records a log answer holds at most (the newest first). Default 500. */
  maxLogs?: number;
  /** Series one metric answer holds at most. Default 50. */
  maxSeries?: number;
  /** Points a series holds at most (the latest). Default 300. */
  maxPointsPerSeries?: number;
}

/** A running web view, as returned by {@link startReceiverUi}. */
export interface ReceiverUi {
  /** `http://127.0.0.1:<port>/`, the page. */
  readonly url: string;
  readonly port: number;
  /** Closes the server and every open connection (the receiver keeps running). */
  stop(): Promise<void>;
}
