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

/** Options of {@link renderLiveSummary}. */
export interface LiveSummaryOptions {
  /** Terminal width: the waterfall's bars and the log bodies are sized to fit it. */
  width?: number;
  /** A line under the counts: the run's progress. */
  progress?: string;
  /** The web view's URL, shown under the counts. */
  uiUrl?: string;
}

/** Waterfall bars that fit `width` (name column, indent, duration and link count around them). */
function waterfallFor(width: number | undefined): TraceWaterfallOptions {
  if (!width) return WATERFALL;
  return { ...WATERFALL, barWidth: Math.max(8, Math.min(60, width - WATERFALL.nameWidth! - 32)) };
}

/** One frame: counts, the latest batch trace, the processor.* metric table and the latest logs. */
export function renderLiveSummary(
  receiver: LiveSummarySource,
  options: LiveSummaryOptions = {},
): string {
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
  ];
  if (options.progress) lines.push(`  ${options.progress}`);
  if (options.uiUrl) lines.push(`  web view: ${options.uiUrl}`);
  lines.push('  latest batch trace:');
  if (latest) {
    const trace = receiver.spans({ traceId: latest.traceId });
    lines.push(...renderTraceWaterfall(trace, waterfallFor(options.width)).map((l) => `    ${l}`));
  } else {
    lines.push('    (no batch span exported yet)');
  }
  lines.push(
    '  latest processor.* metrics:',
    ...renderMetricTable(receiver, {
      namePrefix: 'processor.',
      ...(options.width ? { width: options.width - 2 } : {}),
    }).map((l) => `  ${l}`),
    '  latest log records:',
    ...renderLogTail(logs, {
      maxLines: 5,
      bodyWidth: options.width ? Math.max(10, Math.min(80, options.width - 50)) : 40,
    }).map((l) => `    ${l}`),
  );
  return `${lines.join('\n')}\n`;
}
