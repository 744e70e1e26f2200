import type { DiagLogger } from '@opentelemetry/api';

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

/** What `createLifecycle()` runs and reports. */
export interface LifecycleOptions {
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
   * what was delivered, close what a failed or abandoned shutdown left open. Its own errors are
   * reported, never thrown.
   */
  afterShutdown?(outcome: SettleOutcome, timeoutMillis: number): void;
  /** Called once `flush` settled or its deadline passed: report what was not delivered. */
  afterFlush?(outcome: SettleOutcome, timeoutMillis: number): void;
}

/** A bounded, idempotent, never-rejecting flush/shutdown pair; see `createLifecycle()`. */
export interface Lifecycle {
  /** Exports what is pending, within the deadline. Never rejects; after shutdown warns and returns. */
  forceFlush(options?: TimeoutOptions): Promise<void>;
  /** Flushes and stops within the deadline. Never rejects; a second call warns and returns the first call's promise. */
  shutdown(options?: TimeoutOptions): Promise<void>;
  /** Whether `shutdown()` has been called. */
  readonly isShutdown: boolean;
}
