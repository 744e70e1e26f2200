import type { Resource } from '@opentelemetry/resources';
import type { TelemetryConfig } from '@proc/telemetry-config';
import { createLifecycle, type SettleOutcome } from '@proc/telemetry-lifecycle';
import type { MetricsHandle } from '@proc/telemetry-metrics';
import type { TracingHandle } from '@proc/telemetry-tracing';
import type {
  TelemetryExportCounts,
  TelemetryProviders,
  TelemetryShutdownReport,
} from '../types.js';
import type { LiveLogs } from './create-lazy-logs.js';
import { logger } from './logger.js';
import { type SignalReports, summarizeShutdown } from './shutdown-summary.js';

/** Default deadline of `forceFlush()`, as the SDK's. */
const FLUSH_TIMEOUT_MILLIS = 30_000;

/** What a live `TelemetryProviders` controls. */
export interface LiveParts {
  config: TelemetryConfig;
  resource: Resource;
  tracing: TracingHandle;
  metrics: MetricsHandle;
  logs: LiveLogs;
  /** Default deadline of `shutdown()`. */
  shutdownTimeoutMillis: number;
  /** Unregisters what `initTelemetry()` registered; runs once, after the providers stopped. */
  release: () => void;
}

/** `traces: 3 queued, 10 dropped, 2 failed; metrics: 40 queued`: what is not delivered, per signal. */
function undelivered(counts: TelemetryExportCounts): string {
  const parts: string[] = [];
  const { traces, metrics, logs } = counts;
  if (traces) {
    parts.push(
      `traces: ${traces.queued} queued, ${traces.dropped} dropped, ${traces.failed} failed, ${traces.open} still open`,
    );
  }
  if (metrics) {
    parts.push(
      `metrics: ${metrics.queued} data points queued, ${metrics.dropped} dropped, ${metrics.failed} failed`,
    );
  }
  if (logs) {
    parts.push(
      `logs: ${logs.queued} records queued, ${logs.dropped} dropped, ${logs.failed} failed, ${logs.invalid} unencodable`,
    );
  }
  return parts.length > 0 ? parts.join('; ') : 'nothing was being exported';
}

/** Reports an operation that did not settle cleanly within its deadline. */
function report(outcome: SettleOutcome, what: string, ms: number, counts: TelemetryExportCounts) {
  if (outcome.status === 'timeout') {
    logger.warn(`${what}: not finished within ${ms} ms; not delivered: ${undelivered(counts)}`);
  } else if (outcome.status === 'failed') {
    logger.error(`${what} failed`, outcome.error);
  }
}

/** The `TelemetryProviders` over live tracing, metrics and logs handles. */
export function createLiveProviders(parts: LiveParts): TelemetryProviders {
  const { config, resource, tracing, metrics, logs } = parts;
  const exportCounts = (): TelemetryExportCounts => {
    const counts: TelemetryExportCounts = {};
    const traces = tracing.exportCounts();
    const metricPoints = metrics.exportCounts();
    const logRecords = logs.exportCounts();
    if (traces) counts.traces = traces;
    if (metricPoints) counts.metrics = metricPoints;
    if (logRecords) counts.logs = logRecords;
    return counts;
  };

  // Every handle bounds itself by the same deadline and never rejects; the lifecycle's own
  // bound makes the promise to the app independent of that. Their shutdown reports are kept as
  // they arrive; one that did not by the deadline is built from the counts.
  const flushAll = (ms: number) =>
    Promise.all([
      tracing.forceFlush({ timeoutMillis: ms }),
      metrics.forceFlush({ timeoutMillis: ms }),
      logs.forceFlush({ timeoutMillis: ms }),
    ]);

  const reports: SignalReports = {};
  let shutdownCall:
    | { inner: Promise<unknown>; outer: Promise<TelemetryShutdownReport> }
    | undefined;
  const lifecycle = createLifecycle<TelemetryShutdownReport>({
    logger,
    shutdownTimeoutMillis: parts.shutdownTimeoutMillis,
    flushTimeoutMillis: FLUSH_TIMEOUT_MILLIS,
    flush: flushAll,
    shutdown: async (ms) => {
      [reports.traces, reports.metrics, reports.logs] = await Promise.all([
        tracing.shutdown({ timeoutMillis: ms }),
        metrics.shutdown({ timeoutMillis: ms }),
        logs.shutdown({ timeoutMillis: ms }),
      ]);
    },
    afterFlush: (outcome, ms) => report(outcome, 'forceFlush', ms, exportCounts()),
    afterShutdown(outcome, ms) {
      const summary = summarizeShutdown(outcome, ms, reports, exportCounts());
      try {
        parts.release();
      } catch (error) {
        logger.error('shutdown: unregistering the globals failed', error);
      }
      return summary;
    },
  });

  return {
    config,
    resource,
    tracer: (name = config.service.name, version) => tracing.getTracer(name, version),
    meter: (name = config.service.name, version) => metrics.getMeter(name, version),
    logger: (name = config.service.name, version) => logs.getLogger(name, version),
    setSamplingRatio: (ratio) => tracing.setSamplingRatio(ratio),
    exportCounts,
    forceFlush: (options) => lifecycle.forceFlush(options),
    shutdown(options) {
      // The lifecycle returns its first promise to every call: so does this, mapped once.
      const inner = lifecycle.shutdown(options);
      if (shutdownCall?.inner !== inner) {
        shutdownCall = {
          inner,
          outer: inner.then((summary) => summary ?? { deadlineHit: false, complete: false }),
        };
      }
      return shutdownCall.outer;
    },
  };
}
