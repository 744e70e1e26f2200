import {
  describeShutdownReport,
  type SettleOutcome,
  type ShutdownReport,
  shutdownReport,
} from '@proc/telemetry-lifecycle';
import type { TelemetryExportCounts, TelemetryShutdownReport } from '../types.js';
import { logger } from './logger.js';

/** What each signal handle's `shutdown()` resolved with, once it did. */
export type SignalReports = Partial<Record<Signal, ShutdownReport | undefined>>;

type Signal = 'traces' | 'metrics' | 'logs';
const SIGNALS: readonly Signal[] = ['traces', 'metrics', 'logs'];

/** The item names of each signal, as the handles' reports give them. */
const ITEMS = { traces: 'spans', metrics: 'metric data points', logs: 'log records' } as const;

/**
 * The report of the whole shutdown, and its one log line (info when nothing was lost, a warning
 * otherwise). A signal whose handle had not answered by the deadline is reported from its
 * counts then, what was still queued counted as lost.
 */
export function summarizeShutdown(
  outcome: SettleOutcome,
  timeoutMillis: number,
  reports: SignalReports,
  counts: TelemetryExportCounts,
): TelemetryShutdownReport {
  const deadlineHit = outcome.status === 'timeout';
  const summary: TelemetryShutdownReport = { deadlineHit, complete: !deadlineHit };
  for (const signal of SIGNALS) {
    const signalCounts = counts[signal];
    const report =
      reports[signal] ??
      (signalCounts === undefined
        ? undefined
        : shutdownReport(signal, ITEMS[signal], signalCounts, deadlineHit));
    if (report === undefined) continue;
    summary[signal] = report;
    if (!report.complete) summary.complete = false;
  }
  if (outcome.status === 'failed') logger.error('shutdown failed', outcome.error);
  const described = SIGNALS.map((signal) => summary[signal])
    .filter((report): report is ShutdownReport => report !== undefined)
    .map(describeShutdownReport);
  const late = deadlineHit ? `; not finished within ${timeoutMillis} ms` : '';
  if (described.length === 0) {
    if (deadlineHit) {
      logger.warn(
        `shutdown: not finished within ${timeoutMillis} ms; not delivered: nothing was being exported`,
      );
    }
    return summary;
  }
  const line = `shutdown: ${described.join('; ')}${late}`;
  if (summary.complete) logger.info(line);
  else logger.warn(line);
  return summary;
}
