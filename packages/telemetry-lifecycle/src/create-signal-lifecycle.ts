import { createLifecycle } from './create-lifecycle.js';
import { type ShutdownCounts, shutdownReport } from './shutdown-report.js';
import type { Lifecycle, ShutdownReport, SignalLifecycleOptions } from './types.js';

/** Whether anything accepted was lost, or (spans) is still open. */
function incomplete(counts: ShutdownCounts): boolean {
  const lost =
    counts.queued +
    counts.dropped +
    counts.failed +
    (counts.invalid ?? 0) +
    (counts.endedAfterShutdown ?? 0);
  return lost > 0 || (counts.open ?? 0) > 0;
}

/**
 * The lifecycle of a signal handle whose items go through a batching processor (spans, log
 * records): `createLifecycle()` plus the reports they share. A flush that misses its deadline
 * warns with the counts; a shutdown counts before giving up (so what was still queued is reported
 * as queued, not as failed), abandons every queue at the deadline, logs one summary line (info when
 * everything arrived, a warning otherwise; off with `shutdownSummary: false`) and resolves with
 * the `ShutdownReport` (`undefined` without a processor: nothing was exported). With several processors (one per
 * exporter) the first one's counts are reported.
 */
export function createSignalLifecycle<C extends ShutdownCounts>(
  options: SignalLifecycleOptions<C>,
): Lifecycle<ShutdownReport | undefined> {
  const { logger, pipelines, items } = options;
  // The reported one: the OTLP processor when one is listed (signalExporters() builds it first).
  const pipeline = pipelines[0];
  const describe = (counts: C) => `${items} ${options.describeCounts(counts)}`;
  return createLifecycle<ShutdownReport | undefined>({
    logger,
    shutdownTimeoutMillis: options.timeoutMillis,
    flushTimeoutMillis: options.timeoutMillis,
    flush: options.flush,
    shutdown: options.shutdown,
    afterFlush(outcome, timeoutMillis) {
      if (outcome.status === 'failed') logger.error('forceFlush: export failed', outcome.error);
      if (outcome.status === 'timeout') {
        const counts = pipeline?.counts();
        logger.warn(
          `forceFlush: not finished within ${timeoutMillis} ms${counts ? `; ${describe(counts)}` : ''}`,
        );
      }
    },
    afterShutdown(outcome, timeoutMillis) {
      if (outcome.status === 'failed') {
        logger.error(`shutdown: a ${options.processorName} failed`, outcome.error);
      }
      if (!pipeline) return undefined;
      const counts = pipeline.counts();
      const timedOut = outcome.status === 'timeout';
      if (timedOut) for (const each of pipelines) each.abandon();
      if (options.shutdownSummary) {
        const summary = `shutdown: ${describe(counts)}`;
        if (timedOut) {
          logger.warn(
            `${summary}; not finished within ${timeoutMillis} ms, the queued ${items} are lost`,
          );
        } else if (incomplete(counts)) {
          logger.warn(`${summary}; ${options.advice}`);
        } else {
          logger.info(summary);
        }
      }
      return shutdownReport(options.signal, items, counts, timedOut);
    },
  });
}
