import { TimeoutError } from '@opentelemetry/sdk-metrics';
import {
  createLifecycle,
  type SettleOutcome,
  type ShutdownReport,
  shutdownReport,
} from '@proc/telemetry-lifecycle';
import type { MetricExportCounts, MetricsHandle, MetricsMeterProvider } from '../types.js';
import { logger } from './diag.js';
import type { ConfiguredReader } from './metric-reader.js';

/** One line with every count, so lost data points are never silent. */
function reportShutdown(counts: MetricExportCounts, finished: boolean, timeoutMillis: number) {
  const summary =
    `shutdown: metric data points ${counts.exported} exported, ${counts.queued} still queued, ` +
    `${counts.dropped} dropped (queue full), ${counts.failed} failed`;
  if (!finished) {
    logger.warn(`${summary}; not finished within ${timeoutMillis} ms, the queued points are lost`);
  } else if (counts.queued + counts.dropped + counts.failed > 0) {
    logger.warn(summary);
  } else {
    logger.info(summary);
  }
}

/**
 * Whether the provider finished in time. The SDK enforces the same deadline on its readers and
 * rejects with its `TimeoutError` when it passes, which is a missed deadline, not a failure.
 */
function reportOutcome(what: string, outcome: SettleOutcome, timeoutMillis: number): boolean {
  if (
    outcome.status === 'timeout' ||
    (outcome.status === 'failed' && outcome.error instanceof TimeoutError)
  ) {
    logger.warn(`${what} did not finish within ${timeoutMillis} ms; giving up on it`);
    return false;
  }
  if (outcome.status === 'failed') logger.error(`${what} failed`, outcome.error);
  return outcome.status === 'done';
}

/**
 * Wraps `provider` in the shared lifecycle: flush and shutdown are bounded and never reject.
 * @param configured the configured readers: their push exporters are closed when shutdown
 *   fails or times out, and the OTLP one's export counts are reported at shutdown.
 */
export function createMetricsHandle(
  provider: MetricsMeterProvider,
  defaultTimeoutMillis: number,
  configured: readonly Pick<ConfiguredReader, 'exporter' | 'exportCounts'>[] = [],
  options: { shutdownSummary?: boolean } = {},
): MetricsHandle {
  const exporters = configured.flatMap((each) => (each.exporter ? [each.exporter] : []));
  const exportCounts = configured.find((each) => each.exportCounts)?.exportCounts;
  const lifecycle = createLifecycle<ShutdownReport | undefined>({
    logger,
    shutdownTimeoutMillis: defaultTimeoutMillis,
    flushTimeoutMillis: defaultTimeoutMillis,
    flush: (timeoutMillis) => provider.forceFlush({ timeoutMillis }),
    // MeterProvider.shutdown() makes every reader collect and export once more before stopping.
    shutdown: (timeoutMillis) => provider.shutdown({ timeoutMillis }),
    afterFlush: (outcome, timeoutMillis) => {
      reportOutcome('forceFlush()', outcome, timeoutMillis);
    },
    afterShutdown(outcome, timeoutMillis) {
      const finished = reportOutcome('shutdown()', outcome, timeoutMillis);
      // Counted before the exporter is closed, so what was still queued is reported as queued.
      const counts = exportCounts?.();
      // The periodic reader skips exporter.shutdown() when its last export fails, and an
      // abandoned export goes on: close the exporter anyway, so retries end and its connections
      // close.
      if (!finished) {
        for (const exporter of exporters) {
          Promise.resolve()
            .then(() => exporter.shutdown())
            .catch((error: unknown) => logger.debug('exporter shutdown failed', error));
        }
      }
      if (!counts) return undefined;
      if (options.shutdownSummary !== false) reportShutdown(counts, finished, timeoutMillis);
      return shutdownReport('metrics', 'metric data points', counts, !finished);
    },
  });

  return {
    provider,
    getMeter: (name, version, options) => provider.getMeter(name, version, options),
    exportCounts: () => exportCounts?.(),
    forceFlush: (options) => lifecycle.forceFlush(options),
    shutdown: (options) => lifecycle.shutdown(options),
  };
}
