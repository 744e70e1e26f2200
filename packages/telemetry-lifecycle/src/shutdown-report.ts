import type { ShutdownReport } from './types.js';

/** The counts a signal handle has at shutdown; absent ones are 0. */
export interface ShutdownCounts {
  /** Spans ended and accepted for export (traces). */
  ended?: number;
  /** Log records emitted and accepted for export (logs). */
  emitted?: number;
  exported: number;
  failed: number;
  /** Refused because the queue was full. */
  dropped: number;
  /** Still queued or in flight. */
  queued: number;
  invalid?: number;
  open?: number;
  endedAfterShutdown?: number;
}

/**
 * The `ShutdownReport` of one signal from its export counts, taken when its shutdown ended:
 * what was still queued then is lost (`dropped.timeout`).
 */
export function shutdownReport(
  signal: string,
  items: string,
  counts: ShutdownCounts,
  deadlineHit: boolean,
): ShutdownReport {
  const dropped = {
    queueFull: counts.dropped,
    timeout: counts.queued,
    shutdown: counts.endedAfterShutdown ?? 0,
    invalid: counts.invalid ?? 0,
  };
  const open = counts.open ?? 0;
  const recorded = counts.ended ?? counts.emitted;
  const lost =
    counts.failed + dropped.queueFull + dropped.timeout + dropped.shutdown + dropped.invalid;
  return {
    signal,
    items,
    ...(recorded === undefined ? {} : { recorded }),
    exported: counts.exported,
    failed: counts.failed,
    dropped,
    open,
    deadlineHit,
    complete: lost === 0 && open === 0 && !deadlineHit,
  };
}

/** How a signal's accepted items are named in the report line. */
const RECORDED_VERB: Readonly<Record<string, string>> = { traces: 'ended', logs: 'emitted' };

/**
 * One readable clause per report: `spans 128 ended, 120 exported, 3 failed, 0 dropped (queue full), 5 lost
 * at shutdown's end, 0 unencodable, 0 ended after shutdown, 1 still open`.
 */
export function describeShutdownReport(report: ShutdownReport): string {
  const { dropped } = report;
  const parts = [];
  if (report.recorded !== undefined) {
    parts.push(`${report.recorded} ${RECORDED_VERB[report.signal] ?? 'recorded'}`);
  }
  parts.push(
    `${report.exported} exported`,
    `${report.failed} failed`,
    `${dropped.queueFull} dropped (queue full)`,
    `${dropped.timeout} still queued`,
  );
  if (dropped.invalid > 0) parts.push(`${dropped.invalid} unencodable`);
  if (dropped.shutdown > 0) parts.push(`${dropped.shutdown} ended after shutdown`);
  if (report.signal === 'traces') parts.push(`${report.open} still open`);
  return `${report.items} ${parts.join(', ')}`;
}
