import { resolveTimeout } from './resolve-timeout.js';
import { settleWithin } from './settle-within.js';
import type { Lifecycle, LifecycleOptions, SettleOutcome } from './types.js';

const DEFAULT_FLUSH_TIMEOUT_MILLIS = 30_000;

/** Runs `operation` within `timeoutMillis`; a synchronous throw becomes a `failed` outcome. */
function bounded(operation: () => Promise<unknown>, timeoutMillis: number): Promise<SettleOutcome> {
  return settleWithin(Promise.resolve().then(operation), timeoutMillis);
}

/**
 * The lifecycle every signal handle (traces, metrics, logs) and the umbrella share: one timeout
 * rule (`resolveTimeout()`: warn and fall back), one deadline (`settleWithin()`), one answer to
 * misuse (a second `shutdown()` warns and returns the first promise; `forceFlush()` after it
 * warns and does nothing), and never a rejection: a failure or a missed deadline reaches the
 * `after*` hooks and the diag logger instead.
 *
 * @example
 * const lifecycle = createLifecycle({
 *   logger,
 *   shutdownTimeoutMillis: 30_000,
 *   flush: (ms) => provider.forceFlush({ timeoutMillis: ms }),
 *   shutdown: (ms) => provider.shutdown({ timeoutMillis: ms }),
 *   afterShutdown: (outcome) => report(outcome),
 * });
 */
export function createLifecycle(options: LifecycleOptions): Lifecycle {
  const { logger } = options;
  const flushDefault = options.flushTimeoutMillis ?? DEFAULT_FLUSH_TIMEOUT_MILLIS;
  let shutdownPromise: Promise<void> | undefined;

  const runHook = (
    hook: ((outcome: SettleOutcome, ms: number) => void) | undefined,
    outcome: SettleOutcome,
    ms: number,
  ) => {
    try {
      hook?.(outcome, ms);
    } catch (error) {
      logger.error('reporting the outcome failed', error);
    }
  };

  /** The default report, for a handle without its own: failures and missed deadlines only. */
  const reportDefault = (what: string, outcome: SettleOutcome, ms: number) => {
    if (outcome.status === 'timeout') logger.warn(`${what}: not finished within ${ms} ms`);
    if (outcome.status === 'failed') logger.error(`${what} failed`, outcome.error);
  };

  return {
    get isShutdown() {
      return shutdownPromise !== undefined;
    },
    async forceFlush(timeout) {
      if (shutdownPromise) {
        logger.warn('forceFlush() after shutdown() does nothing');
        return;
      }
      const ms = resolveTimeout(timeout?.timeoutMillis, flushDefault, 'forceFlush', logger);
      const outcome = await bounded(() => options.flush(ms), ms);
      if (options.afterFlush) runHook(options.afterFlush, outcome, ms);
      else reportDefault('forceFlush', outcome, ms);
    },
    shutdown(timeout) {
      if (shutdownPromise) {
        logger.warn('shutdown() called more than once; returning the first call');
        return shutdownPromise;
      }
      const ms = resolveTimeout(
        timeout?.timeoutMillis,
        options.shutdownTimeoutMillis,
        'shutdown',
        logger,
      );
      shutdownPromise = bounded(() => options.shutdown(ms), ms).then((outcome) => {
        if (options.afterShutdown) runHook(options.afterShutdown, outcome, ms);
        else reportDefault('shutdown', outcome, ms);
      });
      return shutdownPromise;
    },
  };
}
