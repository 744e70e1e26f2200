/**
 * The lifecycle the @proc/telemetry signal handles share: bounded, idempotent, never-rejecting
 * flush and shutdown, one timeout rule, one deadline helper.
 * @packageDocumentation
 */
export { createLifecycle } from './create-lifecycle.js';
export { createSignalLifecycle } from './create-signal-lifecycle.js';
export { resolveTimeout } from './resolve-timeout.js';
export { settleWithin } from './settle-within.js';
export {
  describeShutdownReport,
  type ShutdownCounts,
  shutdownReport,
} from './shutdown-report.js';
export type {
  Lifecycle,
  LifecycleOptions,
  SettleOutcome,
  ShutdownReport,
  SignalLifecycleOptions,
  TimeoutOptions,
} from './types.js';
