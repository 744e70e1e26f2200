/**
 * The lifecycle the @proc/telemetry signal handles share: bounded, idempotent, never-rejecting
 * flush and shutdown, one timeout rule, one deadline helper.
 * @packageDocumentation
 */
export { createLifecycle } from './create-lifecycle.js';
export { resolveTimeout } from './resolve-timeout.js';
export { settleWithin } from './settle-within.js';
export type { Lifecycle, LifecycleOptions, SettleOutcome, TimeoutOptions } from './types.js';
