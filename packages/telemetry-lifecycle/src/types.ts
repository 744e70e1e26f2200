import type { DiagLogger } from '@opentelemetry/api';
import type { ShutdownCounts } from './shutdown-report.js';

/** Bounds a flush, a shutdown or a wait. The one spelling every handle takes. */
export interface TimeoutOptions {
  /**
   * How long to wait, in milliseconds: the promise resolves by then whatever is still pending.
   * A value that is not a finite number > 0 is reported with a diag warning and the default is
   * used; it never throws. Default: the handle's own (stated where it is documented).
   */
  timeoutMillis?: number;
}

/** How a wait bounded by `settleWithin()` ended. */
export type SettleOutcome =
  | { status: 'done' }
  | { status: 'failed'; error: unknown }
  | { status: 'timeout' };

/** What `createLifecycle()` runs and reports; `shutdown()` resolves with what `afterShutdown` returns (`R`). */
export interface LifecycleOptions<R = void> {
  /** The package's diag component logger: warnings name the package. */
  logger: DiagLogger;
  /** Deadline of `shutdown()` when none is given. */
  shutdownTimeoutMillis: number;
  /** Deadline of `forceFlush()` when none is given. Default 30000, as the SDK's. */
  flushTimeoutMillis?: number;
  /** Exports what is pending; may reject or throw, may never settle. */
  flush(timeoutMillis: number): Promise<unknown>;
  /** Flushes and stops; may reject or throw, may never settle. Run once. */
  shutdown(timeoutMillis: number): Promise<unknown>;
  /**
   * Called once `shutdown` settled or its deadline passed, before `shutdown()` resolves: report
   * what was delivered, close what a failed or abandoned shutdown left open. What it returns
   * (a `ShutdownReport`, say) is what `shutdown()` resolves with. Its own errors are reported,
   * never thrown (`shutdown()` then resolves with `undefined`).
   */
  afterShutdown?(outcome: SettleOutcome, timeoutMillis: number): R;
  /** Called once `flush` settled or its deadline passed: report what was not delivered. */
  afterFlush?(outcome: SettleOutcome, timeoutMillis: number): void;
}

/** A bounded, idempotent, never-rejecting flush/shutdown pair; see `createLifecycle()`. */
export interface Lifecycle<R = void> {
  /** Exports what is pending, within the deadline. Never rejects; after shutdown warns and returns. */
  forceFlush(options?: TimeoutOptions): Promise<void>;
  /**
   * Flushes and stops within the deadline; resolves with what `afterShutdown` returned. Never
   * rejects; a second call warns and returns the first call's promise.
   */
  shutdown(options?: TimeoutOptions): Promise<R | undefined>;
  /** Whether `shutdown()` has been called. */
  readonly isShutdown: boolean;
}

/**
 * What one signal's `shutdown()` delivered and lost, counted in its items (spans, metric data
 * points, log records) since the handle was created. Every handle resolves its `shutdown()`
 * with one, and `@proc/telemetry` with one per signal.
 */
export interface ShutdownReport {
  /** `traces`, `metrics` or `logs`. */
  signal: string;
  /** What is counted: `spans`, `metric data points`, `log records`. */
  items: string;
  /**
   * Accepted for export since the handle was created: spans ended, log records emitted. Absent
   * for metrics, whose data points exist only once a collection is exported.
   */
  recorded?: number;
  /** Delivered to the collector. */
  exported: number;
  /** Given up after export attempts: rejected by the collector, or out of retries. */
  failed: number;
  /** Lost without a final export attempt, by reason. */
  dropped: {
    /** Refused because the export queue was full (its size is the setting to raise). */
    queueFull: number;
    /** Still queued or in flight when shutdown ended (at the deadline, given up). */
    timeout: number;
    /** Recorded after shutdown had flushed (spans ended after shutdown). */
    shutdown: number;
    /** Could not be encoded, so left out of their batch. */
    invalid: number;
  };
  /** Spans started and not ended, never exported; 0 for the other signals. */
  open: number;
  /** Whether the deadline passed before shutdown finished. */
  deadlineHit: boolean;
  /** True when nothing was lost: nothing failed, dropped or open, and the deadline was met. */
  complete: boolean;
}

/** What `createSignalLifecycle()` runs and reports on, for a signal behind a batching processor. */
export interface SignalLifecycleOptions<C extends ShutdownCounts> {
  /** The package's diag component logger: warnings name the package. */
  logger: DiagLogger;
  /** The signal, as the `ShutdownReport` names it (`traces`, `logs`). */
  signal: string;
  /** What its items are called in messages and the report (`spans`, `log records`). */
  items: string;
  /** What a processor is called when one fails (`span processor`). */
  processorName: string;
  /** Deadline of `forceFlush()` and `shutdown()` when none is given. */
  timeoutMillis: number;
  /** Exports what is pending (the provider's `forceFlush`). */
  flush(timeoutMillis: number): Promise<unknown>;
  /** Flushes and stops (the provider's `shutdown`). */
  shutdown(timeoutMillis: number): Promise<unknown>;
  /**
   * The exporting processors, one per exporter: the first one's counts are reported, and a
   * shutdown that misses its deadline abandons every one. Without any, nothing is reported.
   */
  pipelines: readonly {
    /** What the processor has counted so far. */
    counts(): C;
    /** Gives up what is still queued, at the shutdown deadline. */
    abandon(): void;
  }[];
  /** The counts as one clause after the item name (`1 ended, 1 exported, ...`). */
  describeCounts(counts: C): string;
  /** What the shutdown warning advises when something was lost or still open. */
  advice: string;
  /** Whether `shutdown()` logs its summary line. */
  shutdownSummary: boolean;
}
