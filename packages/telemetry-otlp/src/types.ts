import type { DiagLogger, MeterProvider } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import type { ExportConfig, OtlpProtocol } from '@proc/telemetry-config';

/**
 * How one delivery attempt ended: `retryable` failures (a collector that is down, restarting or
 * overloaded) are sent again after a backoff; `failed` ones (a rejected request) are not.
 */
export type DeliveryOutcome =
  | { status: 'delivered' }
  | { status: 'retryable'; error: unknown; retryInMillis?: number }
  | { status: 'failed'; error: unknown };

/** How `createDeliveryQueue()` sends a payload again after a retryable failure. */
export interface DeliveryRetryPolicy {
  /** Attempts per payload, the first included; then it is given up and counted as failed. Default 5. */
  maxAttempts?: number;
  /**
   * Wait after the first failure; it doubles with each further failure (±20% jitter) and is reset
   * by a delivery, so a long outage is probed ever more rarely. A `retryInMillis` the outcome
   * carries (a server's `Retry-After`) is waited for at least. Default 1000.
   */
  initialBackoffMillis?: number;
  /** Longest wait between two attempts. Default 30000. */
  maxBackoffMillis?: number;
  /**
   * Longest a payload may take from its first attempt, waits included: a retry that would start
   * later is not made and the payload is given up (failed). Default: no budget.
   */
  budgetMillis?: number;
}

/** Options of `createDeliveryQueue()`. */
export interface DeliveryQueueOptions<T> {
  /** Names the signal in diag messages, e.g. `traces`. */
  signal: string;
  /** Sends one payload; must settle (the transport's own timeout bounds it). */
  deliver(payload: T): Promise<DeliveryOutcome>;
  /**
   * Items (spans, data points, log records) waiting at most; payloads in flight (at most
   * `maxInFlight`) come on top, as the batch being exported does in the SDK's batch processor.
   * Default: no bound by count (bound it by bytes instead).
   */
  maxQueuedItems?: number;
  /**
   * Bytes waiting at most, as `sizeOf` measures each payload; payloads in flight come on top, as
   * for `maxQueuedItems`. An `ExportConfig`'s `maxQueueBytes` fits. Default: no bound by bytes.
   */
  maxQueuedBytes?: number;
  /**
   * Bytes waiting or in flight at most while exports are failing: from a failed attempt until
   * the next delivery, and while an attempt has gone unanswered for `stalledAfterMillis` (an
   * attempt in flight then counts: if it fails its payload comes back). New payloads beyond it
   * are refused (dropped, counted); what was held before stays. Above
   * `maxQueuedBytes` it has no effect. An `ExportConfig`'s `maxQueueBytesWhileFailing` fits.
   * Default: `maxQueuedBytes`.
   */
  maxQueuedBytesWhileFailing?: number;
  /**
   * How long an attempt may go unanswered before exports count as failing for
   * `maxQueuedBytesWhileFailing` (a collector that never answers fails an attempt only at its
   * timeout). Default 1000.
   */
  stalledAfterMillis?: number;
  /** The bytes a payload holds, for `maxQueuedBytes` (`request.body.byteLength`). Default: 0. */
  sizeOf?(payload: T): number;
  /**
   * The form a payload waits in when it cannot start at once (an export is in flight, the
   * endpoint is backing off, others wait before it), measured by `sizeOf` against
   * `maxQueuedBytes` after this: the OTLP path gzips it (`encodedQueueBound()`). A payload that
   * starts at once is delivered as given; one that fails and waits for its retry is compressed
   * then. `deliver` gets the compressed form. Default: payloads wait as given.
   */
  compressWaiting?(payload: T): T;
  /**
   * While exports succeed, a waiting payload is compressed only once what waits, with it, passes
   * this many bytes: a short backlog behind the export in flight goes out soon, and compressing
   * it would cost the app thread CPU for memory it does not need. While exports fail, and for a
   * retry, every waiting payload is compressed. Default 0: every waiting payload.
   */
  compressWaitingAboveBytes?: number;
  /**
   * The setting that sizes the queue, named in the one warning logged at the first drop, e.g.
   * `traces.batch.maxQueueSize (OTEL_BSP_MAX_QUEUE_SIZE)`. Default: none named.
   */
  queueSizeOption?: string;
  /**
   * The setting that sizes `maxQueuedBytes`, named in that warning when the bytes are what ran
   * out, e.g. `traces.export.maxQueueBytes (PROC_TELEMETRY_TRACES_MAX_QUEUE_BYTES)`.
   */
  queueBytesOption?: string;
  /** The setting that sizes `maxQueuedBytesWhileFailing`, named when it is what ran out. */
  queueBytesWhileFailingOption?: string;
  /**
   * Gives up an attempt that has not settled after this long (counted as failed, not retried),
   * so a `deliver` that never answers cannot block the queue. Default: no limit (OTLP transports
   * bound each attempt by their own timeout).
   */
  attemptTimeoutMillis?: number;
  /** Deliveries at once. Default 1: while the endpoint is down only one attempt is ever open. */
  maxInFlight?: number;
  /** Retries of retryable failures (an `ExportConfig`'s `retry` fits). Default: the policy's defaults. */
  retry?: DeliveryRetryPolicy;
  /**
   * Called once for each payload whose export began, when it concludes (delivered, or given up
   * with `failure`): `durationMillis` runs from the first attempt to the last answer, backoffs
   * included. Feeds `otel.sdk.exporter.operation.duration`. Default: none.
   */
  onExportConcluded?(items: number, durationMillis: number, failure?: DeliveryFailure): void;
}

/** Item counts of a `DeliveryQueue` since it was created. */
export interface DeliveryStats {
  /** Accepted by `enqueue()`. */
  accepted: number;
  /** Delivered to the endpoint. */
  delivered: number;
  /** Given up: rejected by the endpoint, out of attempts, or still waiting at `close()`. */
  failed: number;
  /** Refused by `enqueue()`: the queue was full or closed. */
  dropped: number;
  /** Held now, waiting or in flight. */
  queued: number;
  /** Bytes of the accepted payloads (as `sizeOf` measures them), with `accepted` the bytes per item. */
  acceptedBytes: number;
  /** Bytes of the payloads held now, waiting or in flight (as `sizeOf` measures them). */
  queuedBytes: number;
  /** Most bytes ever held at once. */
  peakQueuedBytes: number;
  /** Deliveries in flight now. */
  inFlight: number;
  /** Most deliveries ever in flight at once. */
  peakInFlight: number;
  /** Handed to `deliver` for the first time: their export began. */
  started: number;
  /** Whose export began and has not concluded: in flight, or waiting for a retry. */
  exporting: number;
  /** Given up after their export began, by why (what `failed` holds, less what never started). */
  failedBy: Record<DeliveryFailure, number>;
}

/**
 * Why an export that began was given up: the endpoint refused it for good (`rejected`), it was
 * out of attempts or of its retry budget (`retries_exhausted`), an attempt never settled
 * (`timeout`), or the queue was closed while it waited for a retry (`shutdown`).
 */
export type DeliveryFailure = 'rejected' | 'retries_exhausted' | 'timeout' | 'shutdown';

/** A bounded, retrying queue of encoded export requests; see `createDeliveryQueue()`. */
export interface DeliveryQueue<T> {
  /**
   * Accepts `payload`, which holds `items` items, or refuses it (returns false, counted as
   * dropped) when it does not fit or the queue is closed. `onSettled` is called once with the
   * final outcome of an accepted payload.
   */
  enqueue(payload: T, items: number, onSettled?: (outcome: DeliveryOutcome) => void): boolean;
  /**
   * Whether `enqueue()` would accept `items` items now (their bytes estimated from what the
   * accepted items took): lets a caller skip encoding what would be refused.
   */
  hasRoomFor(items: number): boolean;
  /** Counts `items` items as dropped that the caller refused itself after `hasRoomFor()` said no. */
  drop(items: number): void;
  /**
   * Resolves when the queue is empty and nothing is in flight; starts a backed-off retry at
   * once. Never rejects; the caller bounds the wait.
   */
  flush(): Promise<void>;
  /** Refuses further payloads and gives up the waiting ones; deliveries in flight still settle. */
  close(): void;
  /** A snapshot of the counts. */
  stats(): DeliveryStats;
}

/** The three OTLP signals. */
export type OtlpSignal = 'traces' | 'metrics' | 'logs';

/** How a request body is encoded: protobuf for `grpc` and `http/protobuf`, JSON for `http/json`. */
export type OtlpEncoding = 'protobuf' | 'json';

/** One encoded OTLP export request (`Export<Signal>ServiceRequest`). */
export interface EncodedRequest {
  /** The request, encoded as `OtlpSender.encoding` says. */
  body: Uint8Array;
  /** Spans, data points or log records it holds, for counting. */
  items: number;
  /**
   * `gzip` when `body` is gzipped: a request waiting behind the export in flight is held
   * compressed (see `encodedQueueBound()`), and the sender unzips it unless the wire takes gzip.
   * Default: absent, `body` is as encoded.
   */
  contentEncoding?: 'gzip';
  /**
   * The byte length of the body as encoded, when `body` is gzipped (`compressRequest()` sets
   * it): the sender unzips it in one piece of that size. Default: absent.
   */
  encodedLength?: number;
}

/** Options of `createOtlpSender()`. */
export interface OtlpSenderOptions {
  /** The signal sent: decides the gRPC service and the HTTP exporters' self-metrics names. */
  signal: OtlpSignal;
  /**
   * Where the `ExportConfig` sits in the configuration, e.g. `traces.export`: errors and diag
   * warnings name options below it.
   */
  optionPath: string;
}

/** One signal's OTLP transport; see `createOtlpSender()`. */
export interface OtlpSender {
  /** How requests for this transport must be encoded. */
  readonly encoding: OtlpEncoding;
  /** Sends one request, within the configured timeout; never rejects. */
  send(request: EncodedRequest): Promise<DeliveryOutcome>;
  /** Waits for sends in flight, then closes the connections. */
  shutdown(): Promise<void>;
}

/** What `createExportSelfMetrics()` reads at each collection. */
export interface ExportSelfMetricsCounts {
  /** The delivery queue's counts (`DeliveryQueue.stats()`). */
  stats: DeliveryStats;
  /** Items recorded after shutdown, so never queued (spans ended after shutdown). */
  alreadyShutdown?: number;
  /** Items left out because they could not be encoded. */
  invalid?: number;
}

/** Options of `createExportSelfMetrics()`. */
export interface ExportSelfMetricsOptions {
  /** Where the metrics are recorded: the app's own meter provider. */
  meterProvider: MeterProvider;
  /** The signal exported: names the metrics (`otel.sdk.exporter.span.*`...). */
  signal: OtlpSignal;
  /** The transport: names the exporter (`otel.component.type` `otlp_grpc_span_exporter`...). */
  protocol: OtlpProtocol;
  /**
   * The capacity of the queue in front of the exporter, for a signal whose queue is a
   * processor's (spans, logs): with it, the `otel.sdk.processor.*` metrics are recorded too.
   */
  queueCapacity?: number;
  /**
   * The queue's bound in bytes, when it has one: the capacity recorded is then the items that
   * fit at the bytes per item accepted so far (`queueCapacity` until something was accepted).
   */
  queueCapacityBytes?: number;
  /** The counts now; `undefined` while there is nothing to report. Called at each collection. */
  read(): ExportSelfMetricsCounts | undefined;
}

/** The recording half of `createExportSelfMetrics()`: pass it to `createDeliveryQueue()`. */
export interface ExportSelfMetrics {
  /** Records one export's duration (`otel.sdk.exporter.operation.duration`). */
  onExportConcluded(items: number, durationMillis: number, failure?: DeliveryFailure): void;
}

/** One batch ready for the delivery queue, as `encodeBatch()` and `ExportBatcherOptions.encode` return it. */
export interface EncodedBatch<T> {
  payload: T;
  /** Items in `payload`. */
  items: number;
  /** Items left out because they could not be encoded. */
  invalid: number;
}

/** Options of `encodeBatch()`. */
export interface EncodeBatchOptions<T> {
  /** The calling package's diag logger: the warning about left-out items names that package. */
  logger: DiagLogger;
  /** What an item is called in that warning, e.g. `span` or `log record`. */
  itemName: string;
  /** Names the first item left out in the warning (e.g. a span's name); cut to 100 characters. */
  describe(item: T): unknown;
}

/** Options of `createExportBatcher()`. */
export interface ExportBatcherOptions<TItem, TPayload> {
  /** Items per batch: a full batch is encoded and queued at once. Integer >= 1. */
  maxExportBatchSize: number;
  /** Longest wait of a batch that is not full, in milliseconds. */
  scheduledDelayMillis: number;
  /** Bounded, retrying queue in front of the exporter. */
  queue: DeliveryQueue<TPayload>;
  /** Turns a batch into one queued payload, leaving out the items that cannot be encoded. */
  encode(items: TItem[]): EncodedBatch<TPayload>;
  /** Closes the exporter once everything queued has settled or been given up. */
  closeExporter(): Promise<void>;
}

/** Item counts of an `ExportBatcher` since it was created. */
export interface ExportBatcherStats {
  /** Accepted by `add()`. */
  added: number;
  /** Delivered to the collector. */
  exported: number;
  /** Given up: rejected by the collector, out of retries, or still queued at a deadline. */
  failed: number;
  /** Refused because the queue was full. */
  dropped: number;
  /** Left out of their batch because they could not be encoded. */
  invalid: number;
  /** Waiting in a batch or in the queue, or in flight now. */
  queued: number;
  /** Bytes of the encoded batches waiting in the queue or in flight now. */
  queuedBytes: number;
  /** Most bytes ever held encoded at once. */
  peakQueuedBytes: number;
  /** Exports in flight now. */
  exportsInFlight: number;
  /** Most exports ever in flight at once. */
  peakExportsInFlight: number;
}

/** Batches items of one signal in front of a `DeliveryQueue`; see `createExportBatcher()`. */
export interface ExportBatcher<TItem> {
  /** Adds an item; the caller checks `closed` first and counts what arrives after shutdown. */
  add(item: TItem): void;
  /** Whether `shutdown()` has flushed (or `abandon()` ran): `add()` is no longer exported. */
  readonly closed: boolean;
  /** Queues the current batch and waits until the queue is empty. Never rejects. */
  flush(): Promise<void>;
  /** Flushes (items added meanwhile too), then closes the exporter; idempotent. */
  shutdown(): Promise<void>;
  /** Gives up what is still queued (at a shutdown deadline) and closes the exporter. */
  abandon(): void;
  /** A snapshot of the counts. */
  stats(): ExportBatcherStats;
}

/** An SDK exporter of one signal's items (a `SpanExporter`, a `LogRecordExporter`). */
export interface ItemExporter<I> {
  /** Exports one batch and calls back once with how it went. */
  export(items: I[], resultCallback: (result: ExportResult) => void): void;
  /** Closes the exporter; called once, after everything queued has settled or been given up. */
  shutdown(): Promise<void>;
}

/** The parts of a signal's config section that `createSignalExport()` reads. */
export interface SignalExportSection {
  /** `false`: nothing is exported. */
  enabled: boolean;
  /** The exporters listed: `otlp`, `console` or `none` (any other name exports nothing). */
  exporter: readonly string[];
  export: ExportConfig;
  batch: {
    /** Items the delivery queue holds at most. */
    maxQueueSize: number;
    /** Bound of one delivery attempt, in milliseconds. */
    exportTimeoutMillis: number;
  };
}

/** Options of `createSignalExport()`. */
export interface SignalExportOptions<I> {
  /** The signal exported: names the gRPC service, the options in messages and the health metrics. */
  signal: OtlpSignal;
  /** The signal's validated config section (`traces`, `logs`). */
  section: SignalExportSection;
  /** The setting the first drop from a full queue names, e.g. `traces.batch.maxQueueSize (OTEL_BSP_MAX_QUEUE_SIZE)`. */
  queueSizeOption: string;
  /** Encodes a batch as one OTLP request in `encoding`, leaving out the items it cannot encode. */
  encode(items: I[], encoding: OtlpEncoding): EncodedBatch<EncodedRequest>;
  /** The exporter `console` names (made only when `exporter` is `console`). */
  consoleExporter(): ItemExporter<I>;
  /** The exporter this path feeds, one of `signalExporters()`. */
  exporter: SignalExporterChoice<I>;
  /** Where the OTLP path records the SDK's health metrics; none without it. */
  meterProvider?: MeterProvider;
  /** The processor's counts for those metrics (`ExportSelfMetricsOptions.read`). */
  readSelfMetrics(): ExportSelfMetricsCounts | undefined;
}

/** Options of `createSignalProcessors()`: those of `createSignalExport()` for every path. */
export interface SignalProcessorsOptions<I>
  extends Omit<SignalExportOptions<I>, 'exporter' | 'readSelfMetrics'> {
  /** Replaces the listed exporters: batches are handed to it as items. */
  exporter?: ItemExporter<I>;
}

/**
 * Which exporter one export path feeds: `otlp`, `console`, or an exporter passed in code (batches
 * are handed to it as items).
 */
export type SignalExporterChoice<I> = 'otlp' | 'console' | ItemExporter<I>;

/** What `createSignalExport()` returns: the export half of a batching processor. */
export interface SignalExport<I, P> {
  /** Bounded, retrying queue in front of the exporter. */
  queue: DeliveryQueue<P>;
  /** Turns a batch into one queued payload, leaving out the items that cannot be encoded. */
  encode(items: I[]): EncodedBatch<P>;
  /** Closes the exporter once everything queued has settled or been given up. */
  closeExporter(): Promise<void>;
}

/**
 * What a signal's batching processor built on `createSignalProcessors()` has beside the SDK's
 * processor interface: what the signal's handle and the OTLP path's health metrics read.
 * @typeParam C - the signal's export counts (`SpanExportCounts`, `LogExportCounts`).
 */
export interface SignalBatchingProcessor<C> {
  /** Gives up what is still queued (at a shutdown deadline) and closes the exporter. */
  abandon(): void;
  /** Counts since the processor was created. */
  counts(): C;
  /** What the SDK's health metrics observe: the queue's counts, items in the batch included. */
  selfMetricsCounts(): ExportSelfMetricsCounts;
}
