import type {
  Attributes,
  Context,
  Link,
  MeterProvider,
  Span,
  SpanContext,
  SpanKind,
  TimeInput,
  Tracer,
} from '@opentelemetry/api';
import type {
  BasicTracerProvider,
  IdGenerator,
  Sampler,
  SpanExporter,
  SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { ShutdownReport, TimeoutOptions } from '@proc/telemetry-lifecycle';

/**
 * Code-only additions to `initTracerProvider()`. Everything that can come from a config file or
 * an `OTEL_*` variable lives in `TraceConfig` (`@proc/telemetry-config`) instead.
 */
export interface InitTracerProviderOptions {
  /**
   * Replaces the exporter named by `traceConfig.exporter` (including `none`), still wrapped in a
   * batch span processor with `traceConfig.batch`. Ignored when `traceConfig.enabled` is false.
   * Default: the exporter built from `traceConfig`.
   */
  exporter?: SpanExporter;
  /**
   * Extra processors, called after the batch span processor, also when `traceConfig.enabled` is
   * false. They are flushed and shut down with the provider. Default `[]`.
   */
  spanProcessors?: SpanProcessor[];
  /**
   * Whether `shutdown()` logs its one summary line with the span counts (info when nothing was
   * lost, a warning otherwise). Default true; `@proc/telemetry` turns it off and logs one line
   * for every signal instead. The report `shutdown()` resolves with is there either way.
   */
  shutdownSummary?: boolean;
  /**
   * Where the SDK's health metrics go, named per the OpenTelemetry semantic conventions for SDK
   * metrics: `otel.sdk.span.started` and `otel.sdk.span.live` (counted by this package's sampler and span processor), and
   * for the OTLP export path the processor's `otel.sdk.processor.span.queue.size`,
   * `.queue.capacity` and `.processed` (`error.type` `queue_full`, `already_shutdown`,
   * `invalid`) and the exporter's `otel.sdk.exporter.span.inflight`, `.exported` (`error.type`
   * `rejected`, `retries_exhausted`, `timeout`, `shutdown`) and
   * `otel.sdk.exporter.operation.duration`. The counts are observed at collection, off the hot
   * path. `@proc/telemetry` passes its meter provider unless `selfTelemetry.enabled` is false.
   * Default: none recorded.
   */
  meterProvider?: MeterProvider;
  /**
   * Makes the trace and span ids, e.g. AWS X-Ray's generator (whose trace ids start with the
   * time). Default: random ids from `crypto.randomFillSync`, hex-encoded in bulk (about a
   * quarter of the cost of the SDK's `RandomIdGenerator` per root span; docs/benchmarks.md).
   */
  idGenerator?: IdGenerator;
}

/**
 * A live tracer provider built from `TraceConfig`. Not registered globally: pass
 * `handle.provider` to `trace.setGlobalTracerProvider()` (the `@proc/telemetry` umbrella does).
 */
export interface TracingHandle {
  /** The SDK provider, for registration or for instrumentations that take a provider. */
  readonly provider: BasicTracerProvider;
  /** The sampler in use; `toString()` describes it, including the current ratio. */
  readonly sampler: Sampler;
  /** The current root sampling ratio (1 for `always_on` forms, 0 for `always_off` forms). */
  readonly samplingRatio: number;
  /** A tracer from this provider (not from the global API). */
  getTracer(name: string, version?: string): Tracer;
  /**
   * Changes the sampling ratio for new root spans (and, for `parentbased_*`, only root spans:
   * children still follow their parent). Works for every sampler type: `always_on` and
   * `always_off` become trace-id ratio samplers at the given ratio.
   * @throws RangeError when `ratio` is not a number from 0 to 1.
   */
  setSamplingRatio(ratio: number): void;
  /** Exports everything ended so far. Never rejects: failures are reported through `diag`. */
  forceFlush(options?: TimeoutOptions): Promise<void>;
  /**
   * What happened to the sampled spans so far, from the span processor that exports them;
   * `undefined` when nothing is exported (`enabled: false`, exporter `none`).
   */
  exportCounts(): SpanExportCounts | undefined;
  /**
   * Flushes and stops; see `shutdownTracerProvider()`. Resolves with what was exported and lost
   * (`ShutdownReport`; `undefined` when nothing is exported). Never rejects. A second call
   * warns and returns the first call's promise.
   */
  shutdown(options?: TimeoutOptions): Promise<ShutdownReport | undefined>;
}

/**
 * Sampled spans on their way out, counted without retaining any. After a shutdown
 * `ended = exported + failed + dropped + invalid + queued` (up to spans ended during the call).
 */
export interface SpanExportCounts {
  /** Ended and accepted for export. */
  ended: number;
  /** Delivered to the collector. */
  exported: number;
  /** Given up: rejected by the collector, out of retries, or still queued at a deadline. */
  failed: number;
  /**
   * Refused because the queue was full: over OTLP its bytes (`traces.export.maxQueueBytes`), with
   * a span or log exporter given in code or `console` its count (`traces.batch.maxQueueSize`).
   */
  dropped: number;
  /** Left out of their batch because they could not be encoded (the rest of the batch is sent). */
  invalid: number;
  /** Waiting to be delivered or in flight now. */
  queued: number;
  /** Bytes of the encoded batches waiting or in flight now (over OTLP; 0 otherwise). */
  queuedBytes: number;
  /** Most bytes ever held encoded at once: at most `traces.export.maxQueueBytes` plus the batches in flight. */
  peakQueuedBytes: number;
  /** Started and not yet ended. */
  open: number;
  /** Ended after `shutdown()` had flushed: not exported. */
  endedAfterShutdown: number;
  /** Exports in flight now. */
  exportsInFlight: number;
  /** Most exports ever in flight at once (at most `traces.export.maxConcurrentExports`). */
  peakExportsInFlight: number;
}

/** Options for `spanBuilder()`. */
export interface SpanBuilderOptions {
  /** Tracer that creates the span. Default `trace.getTracer('@proc/telemetry-tracing')`, looked up
   * at `start()`, so a provider registered later is used. */
  tracer?: Tracer;
}

/**
 * Fluent span creation. Each setter returns the builder; `start()` and `startActive()` may be
 * called more than once, each creating a new span from the current settings.
 */
export interface SpanBuilder {
  /** Span kind (`SpanKind.INTERNAL`, `SERVER`, `CLIENT`, `PRODUCER`, `CONSUMER`). Default INTERNAL. */
  kind(kind: SpanKind): SpanBuilder;
  /** Sets one attribute; `undefined` removes it. Invalid values are dropped by the SDK with a diag warning. */
  attribute(key: string, value: Attributes[string]): SpanBuilder;
  /**
   * Sets several attributes (merged over earlier ones). The first call's object is kept as it
   * is, not copied, until another `attribute()` or `attributes()` call: a change made to it
   * before `start()` reaches the span. The builder never writes to it.
   */
  attributes(attributes: Attributes): SpanBuilder;
  /**
   * Adds a link to another span, optionally with attributes. A value that is not a SpanContext
   * (`{}`, `null`) is dropped with a diag warning: it would make its whole export batch fail.
   */
  link(spanContext: SpanContext, attributes?: Attributes): SpanBuilder;
  /** Start time (`Date`, epoch milliseconds, or `[seconds, nanos]`). Default now. */
  startTime(time: TimeInput): SpanBuilder;
  /** Explicit parent context. Default: the active context at `start()`. */
  parent(parentContext: Context): SpanBuilder;
  /** Starts a new trace, ignoring any active or explicit parent. */
  noParent(): SpanBuilder;
  /** Starts the span; the caller ends it. The span is not made active. */
  start(): Span;
  /**
   * Starts the span, runs `fn(span)` with the span active, ends the span and returns `fn`'s
   * result. If `fn` throws or its promise rejects, the exception is recorded, the status set to
   * ERROR and the error rethrown.
   */
  startActive<T>(fn: (span: Span) => T): T;
}

/** Options for `withSpan()` and `traced()`. */
export interface WithSpanOptions {
  /** Default `SpanKind.INTERNAL`. */
  kind?: SpanKind;
  /** Initial attributes (visible to samplers). Default none. */
  attributes?: Attributes;
  /** Links to other spans. Default none. */
  links?: Link[];
  /** Default now. */
  startTime?: TimeInput;
  /** Explicit parent context. Default: the active context. */
  parent?: Context;
  /** Start a new trace, ignoring any parent. Default false. */
  root?: boolean;
  /** Default `trace.getTracer('@proc/telemetry-tracing')`. */
  tracer?: Tracer;
}
