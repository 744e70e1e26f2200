import { SPAN_WINDOW_EMIT } from '@proc/telemetry/semconv';
import {
  type OtlpReceiver,
  renderLogTail,
  renderMetricTable,
  renderTraceWaterfall,
  type TraceWaterfallOptions,
} from '@proc/telemetry-testing';
import { LOCAL_RECEIVER_MAX_RECORDS } from './local-receiver.js';

// The live view of the no-collector mode, drawn from the in-process receiver's records with the
// renderers of @proc/telemetry-testing (the ones the otlp-receiver CLI uses): the latest batch
// trace as a waterfall and the latest value of each processor.* metric series.

const WATERFALL: TraceWaterfallOptions = {
  barWidth: 32,
  nameWidth: 34,
  // A batch has one child per message: the first few of a run (and any that failed) are drawn,
  // so the window spans after them stay on screen.
  maxSameName: 4,
  showLinkCount: true,
};

/** What the summary reads from the receiver. */
export type LiveSummarySource = Pick<
  OtlpReceiver,
  'httpUrl' | 'spans' | 'metricPoints' | 'metric' | 'logs'
>;

/** One frame: counts, the latest batch trace, the processor.* metric table and the latest logs. */
export function renderLiveSummary(receiver: LiveSummarySource): string {
  const spans = receiver.spans();
  const batches = spans.filter((s) => s.links.length > 0);
  // The latest batch that fired a window shows every kind of span; else the latest batch.
  const firing = new Set(spans.filter((s) => s.name === SPAN_WINDOW_EMIT).map((s) => s.traceId));
  const latest = [...batches].reverse().find((s) => firing.has(s.traceId)) ?? batches.at(-1);
  const points = receiver.metricPoints().length;
  const logs = receiver.logs();
  const capped =
    Math.max(spans.length, points) >= LOCAL_RECEIVER_MAX_RECORDS ? '   (the latest kept)' : '';
  const lines = [
    `── telemetry received by the in-process OTLP receiver (${receiver.httpUrl}) ──`,
    `  spans: ${spans.length}   batch traces: ${batches.length}   metric points: ${points}   log records: ${logs.length}${capped}`,
    '  latest batch trace:',
  ];
  if (latest) {
    const trace = receiver.spans({ traceId: latest.traceId });
    lines.push(...renderTraceWaterfall(trace, WATERFALL).map((l) => `    ${l}`));
  } else {
    lines.push('    (no batch span exported yet)');
  }
  lines.push(
    '  latest processor.* metrics:',
    ...renderMetricTable(receiver, { namePrefix: 'processor.' }).map((l) => `  ${l}`),
    '  latest log records:',
    ...renderLogTail(logs, { maxLines: 5, bodyWidth: 40 }).map((l) => `    ${l}`),
  );
  return `${lines.join('\n')}\n`;
}
