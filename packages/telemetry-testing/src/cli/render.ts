// Pure text rendering of the CLI's live summary: spans per second, a waterfall of the latest
// traces and a table of the latest metric values (drawn by the exported renderers).
import { renderLogTail } from '../render/log-tail.js';
import { renderMetricTable } from '../render/metric-table.js';
import { renderTraceWaterfall } from '../render/trace-waterfall.js';
import type { ReceivedLogRecord, ReceivedMetricPoint, ReceivedSpan } from '../types.js';

/** What one frame of the summary shows. */
export interface SummaryInput {
  /** The spans kept, in arrival order. */
  spans: readonly ReceivedSpan[];
  /** Spans received in all (more than `spans` once the oldest were dropped). Default `spans.length`. */
  spanCount?: number;
  /** Latest points per metric name. */
  metrics: ReadonlyMap<string, readonly ReceivedMetricPoint[]>;
  /** Spans per second over the last few seconds. */
  spansPerSecond: number;
  /** Log records received so far. */
  logCount?: number;
  /** The log records kept, in arrival order: the latest are shown as a tail. Default none. */
  logs?: readonly ReceivedLogRecord[];
  /** Log lines in the tail. Default 5. */
  maxLogLines?: number;
  /** Endpoints line at the top, if any. */
  header?: string;
  /** Traces shown in the waterfall, newest last. Default 3. */
  maxTraces?: number;
  /**
   * Width of the terminal: the waterfall's bars and names and the log bodies are sized to fit
   * it. Default: the renderers' default widths.
   */
  width?: number;
}

/** Waterfall widths that fit `width` columns (its lines are indented by 4 here). */
export function waterfallWidths(width: number): { nameWidth: number; barWidth: number } {
  const nameWidth = width < 90 ? 24 : 36;
  // Indent, "│", "│ ", the duration, the error mark.
  const barWidth = Math.max(8, Math.min(60, width - nameWidth - 22));
  return { nameWidth, barWidth };
}

/** The ids of the `max` traces that most recently received a span, oldest first. */
function latestTraceIds(spans: readonly ReceivedSpan[], max: number): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  for (let i = spans.length - 1; i >= 0 && order.length < max; i--) {
    const id = spans[i]!.traceId;
    if (!seen.has(id)) {
      seen.add(id);
      order.push(id);
    }
  }
  return order.reverse();
}

/** Renders one full frame of the live summary. */
export function renderSummary(input: SummaryInput): string {
  const { spans, metrics, spansPerSecond, maxTraces = 3 } = input;
  const lines: string[] = [];
  if (input.header) lines.push(input.header);
  const points = [...metrics.values()].reduce((n, p) => n + p.length, 0);
  lines.push(
    `spans: ${input.spanCount ?? spans.length} received, ${spansPerSecond.toFixed(1)}/s   metrics: ${metrics.size} (${points} latest points)   logs: ${input.logCount ?? 0}`,
  );
  lines.push('');
  lines.push(`Latest traces`);
  const ids = latestTraceIds(spans, maxTraces);
  if (ids.length === 0) lines.push('  (no spans yet)');
  for (const id of ids) {
    const traceSpans = spans.filter((s) => s.traceId === id);
    const widths = input.width ? waterfallWidths(input.width) : {};
    lines.push(...renderTraceWaterfall(traceSpans, widths).map((l) => `  ${l}`));
  }
  lines.push('');
  lines.push('Latest metric values');
  lines.push(...renderMetricTable(metrics, input.width ? { width: input.width } : {}));
  lines.push('');
  lines.push('Latest log records');
  lines.push(
    ...renderLogTail(input.logs ?? [], {
      maxLines: input.maxLogLines ?? 5,
      ...(input.width ? { bodyWidth: Math.max(10, Math.min(80, input.width - 50)) } : {}),
    }).map((l) => `  ${l}`),
  );
  return `${lines.join('\n')}\n`;
}
