import type {
  Attributes,
  Context,
  HrTime,
  Meter,
  MeterOptions,
  MeterProvider,
} from '@opentelemetry/api';
import type { IMetricReader } from '@opentelemetry/sdk-metrics';
import type { TimeoutOptions } from '@proc/telemetry-lifecycle';

/**
 * The kind of an instrument, as the OpenTelemetry API names them. Used by metric definitions
 * and to select instruments in a view.
 */
export type InstrumentKind =
  | 'counter'
  | 'upDownCounter'
  | 'histogram'
  | 'gauge'
  | 'observableCounter'
  | 'observableUpDownCounter'
  | 'observableGauge';

/** The instrument kinds a {@link MetricsRecorder} creates. */
export type RecorderInstrumentKind =
  | 'counter'
  | 'upDownCounter'
  | 'histogram'
  | 'gauge'
  | 'observableGauge';

/** Name, kind, unit and description of one instrument: what a dashboard relies on. */
export interface MetricDefinition {
  /** Instrument name, following the OpenTelemetry instrument-name grammar. */
  readonly name: string;
  /** The instrument kind this name must be recorded with. */
  readonly kind: RecorderInstrumentKind;
  /** UCUM unit: `s`, `By`, `{event}`... */
  readonly unit: string;
  /** One sentence describing what is measured. */
  readonly description: string;
  /**
   * Explicit bucket boundaries for a histogram, given to the SDK as advice: a view with its own
   * `bucketBoundaries` takes precedence.
   */
  readonly bucketBoundaries?: readonly number[];
}

/**
 * A view: selects instruments and changes their metric stream (buckets, attributes, cardinality).
 * Instrument selection criteria combine (all must match).
 */
export interface MetricViewOptions {
  /** Instrument name to select; `*` is a wildcard (`processor.*`). Required. */
  instrumentName: string;
  /** Only instruments of this kind. Default: any kind. */
  instrumentKind?: InstrumentKind;
  /** Only instruments of the meter with exactly this name. Default: any meter. */
  meterName?: string;
  /** Rename the resulting metric stream. Only valid when `instrumentName` has no wildcard. */
  name?: string;
  /** Replace the instrument's description. */
  description?: string;
  /** Explicit histogram bucket boundaries, strictly increasing. Default: the instrument's advice. */
  bucketBoundaries?: number[];
  /** Keep only these attribute keys; every other key is dropped. Default: keep all. */
  attributeKeys?: string[];
  /**
   * Maximum number of distinct attribute sets per collection; extra sets are aggregated into one
   * overflow series with the attribute `otel.metric.overflow=true`. Default: the provider-wide
   * `cardinalityLimit`.
   */
  cardinalityLimit?: number;
  /** Drop the selected instruments entirely. Default false. */
  drop?: boolean;
}

/** Options of {@link initMeterProvider} that are code, not configuration. */
export interface InitMeterProviderOptions {
  /** Views applied to every instrument of the provider. Default: none. */
  views?: MetricViewOptions[];
  /**
   * Maximum number of distinct attribute sets per instrument and collection, for every reader and
   * view; the rest go to the overflow series `otel.metric.overflow=true`. Default 2000.
   */
  cardinalityLimit?: number;
  /**
   * Readers added next to the one built from the configuration, e.g. a reader around an
   * `InMemoryMetricExporter` in tests. Default: none.
   */
  readers?: IMetricReader[];
}

/**
 * The meter provider of a {@link MetricsHandle}: the OpenTelemetry API's `MeterProvider` (for
 * `metrics.setGlobalMeterProvider()`) with the SDK provider's `forceFlush()` and `shutdown()`.
 * It is the SDK's `MeterProvider` itself when no exemplars are kept, and a provider composed
 * around it when they are (its meters offer measurements as exemplars).
 */
export interface MetricsMeterProvider extends MeterProvider {
  /** Collects and exports on every reader now; rejects as the SDK's does. */
  forceFlush(options?: { timeoutMillis?: number }): Promise<void>;
  /** Exports the last collection and stops every reader; rejects as the SDK's does. */
  shutdown(options?: { timeoutMillis?: number }): Promise<void>;
}

/** What {@link initMeterProvider} returns. Globals are not registered. */
export interface MetricsHandle {
  /**
   * The provider, e.g. for `metrics.setGlobalMeterProvider(handle.provider)`: its meters (and
   * the global API's, once it is registered) keep exemplars as `handle.getMeter()`'s do.
   */
  readonly provider: MetricsMeterProvider;
  /** A meter of this provider. */
  getMeter(name: string, version?: string, options?: MeterOptions): Meter;
  /**
   * Collects and exports now. Resolves by the deadline; export failures are reported through the
   * OpenTelemetry diag logger, never thrown.
   */
  forceFlush(options?: TimeoutOptions): Promise<void>;
  /**
   * Exports the last collection, then stops every reader and exporter. Resolves by the deadline
   * even if the collector hangs; the configured exporter is closed even when the last export
   * failed or was abandoned (waiting gRPC retries end). A second call warns and resolves.
   */
  shutdown(options?: TimeoutOptions): Promise<void>;
  /**
   * What happened to the collected data points so far, from the OTLP exporter; `undefined` for
   * the other exporters (Prometheus, console, none).
   */
  exportCounts(): MetricExportCounts | undefined;
}

/** Data points on their way to the collector, counted over every collection exported. */
export interface MetricExportCounts {
  /** Delivered to the collector. */
  exported: number;
  /** Given up: rejected by the collector, out of retries, or still queued at a deadline. */
  failed: number;
  /** Refused because too many collections were waiting (a long outage). */
  dropped: number;
  /** Waiting to be delivered or in flight now. */
  queued: number;
  /** Exports in flight now. */
  exportsInFlight: number;
  /** Most exports ever in flight at once (at most `metrics.export.maxConcurrentExports`). */
  peakExportsInFlight: number;
}

/**
 * A span processor, structurally the `SpanProcessor` of `@opentelemetry/sdk-trace-base`, that
 * notes the monotonic time each span starts at, so an exemplar recorded inside the span gets a
 * time within the span's start and end. Made by {@link createExemplarSpanProcessor}.
 */
export interface ExemplarSpanProcessor {
  /** Notes when `span` started; reads only its public `startTime`. */
  onStart(span: { readonly startTime: HrTime }, parentContext: Context): void;
  /** Does nothing: the note goes with the span when it is collected. */
  onEnd(span: unknown): void;
  /** Resolves at once: nothing is buffered. */
  forceFlush(): Promise<void>;
  /** Resolves at once: nothing is held. */
  shutdown(): Promise<void>;
}

/** Options of {@link createMetricsRecorder}. */
export interface MetricsRecorderOptions {
  /**
   * The meter instruments are created on. Default: `metrics.getMeter('@proc/telemetry-metrics')`
   * from the global API, taken when the recorder is created: the metrics API has no proxy, so a
   * recorder created before a global meter provider is registered records nothing.
   */
  meter?: Meter;
  /**
   * Attributes merged into every recording (service, pipeline, processor...). Per-call attributes
   * win. Invalid ones are dropped once, here, with a diag warning (see {@link MetricsRecorder}).
   * Default `{}`.
   */
  commonAttributes?: Attributes;
  /**
   * Definitions (kind, unit, description, buckets) applied when an instrument of that name is
   * created. Added to, and overriding by name, the built-in `METRIC_DEFINITIONS`.
   */
  definitions?: readonly MetricDefinition[];
}

/** Reports one value of an observable gauge; attributes are merged over the common ones. */
export type ObserveFunction = (value: number, attributes?: Attributes) => void;

/** Called at each collection to report the current value(s) of an observable gauge. */
export type ObserveGaugeCallback = (observe: ObserveFunction) => void | Promise<void>;

/**
 * Records measurements with common attributes. Instruments are created on first use and cached
 * per meter by name; recording a name with another kind than it was created with throws.
 * Names must match the OpenTelemetry instrument-name grammar, or recording throws.
 *
 * Attributes never make a call throw: an attribute whose value is not a string, a number, a
 * boolean or an array of one of these types (null and undefined entries allowed), or whose key is
 * empty, is dropped with one diag warning per key, and the measurement is recorded with the
 * others. A `null` or `undefined` value is dropped silently; attributes that are not an object
 * (`null`, a string) are dropped whole, leaving the common attributes.
 */
export interface MetricsRecorder {
  /** The attributes merged into every recording (frozen). */
  readonly commonAttributes: Readonly<Attributes>;
  /** Adds `value` (default 1, must be >= 0) to a monotonic counter. */
  recordCounter(name: string, value?: number, attributes?: Attributes): void;
  /** Adds `delta` (may be negative) to an up-down counter. */
  recordUpDown(name: string, delta: number, attributes?: Attributes): void;
  /** Records one value in a histogram (durations in seconds). */
  recordHistogram(name: string, value: number, attributes?: Attributes): void;
  /** Sets the current value of a synchronous gauge. */
  recordGauge(name: string, value: number, attributes?: Attributes): void;
  /**
   * Registers a callback that reports an observable gauge at each collection.
   * @returns a function that removes this callback.
   */
  observeGauge(name: string, callback: ObserveGaugeCallback): () => void;
}
