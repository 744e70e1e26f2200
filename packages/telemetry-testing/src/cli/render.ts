// Pure text rendering of the CLI's live summary: spans per second, a waterfall of the latest
// traces and a table of the latest metric values.
import { buildTrees } from '../tree.js';
import type { ReceivedMetricPoint, ReceivedSpan, SpanTreeNode } from '../types.js';

/** What one frame of the summary shows. */
export interface SummaryInput {
  /** Every span received, in arrival order. */
  spans: readonly ReceivedSpan[];
  /** Latest points per metric name. */
  metrics: ReadonlyMap<string, readonly ReceivedMetricPoint[]>;
  /** Spans per second over the last few seconds. */
  spansPerSecond: number;
  /** Log records received so far. */
  logCount?: number;
  /** Endpoints line at the top, if any. */
  header?: string;
  /** Traces shown in the waterfall, newest last. Default 3. */
  maxTraces?: number;
  /** Width of a duration bar in characters. Default 40. */
  barWidth?: number;
  /** Width of the span-name column. Default 36. */
  nameWidth?: number;
  /** Spans shown per trace. Default 30. */
  maxSpansPerTrace?: number;
  /** Metric rows shown. Default 30. */
  maxMetricRows?: number;
}

/** Formats a duration given in nanoseconds: `850µs`, `12.3ms`, `4.56s`. */
export function formatDuration(nanos: bigint): string {
  const n = Number(nanos < 0n ? 0n : nanos);
  if (n < 1_000_000) return `${Math.round(n / 1000)}µs`;
  if (n < 1_000_000_000) return `${(n / 1_000_000).toFixed(n < 10_000_000 ? 2 : 1)}ms`;
  return `${(n / 1_000_000_000).toFixed(2)}s`;
}

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/**
 * Renders one trace as a waterfall: one line per span, indented by depth under its parent, with
 * a bar placed and sized by the span's start and duration within the trace.
 */
export function renderWaterfall(
  spans: readonly ReceivedSpan[],
  options: { barWidth?: number; nameWidth?: number; maxSpans?: number } = {},
): string[] {
  const { barWidth = 40, nameWidth = 36, maxSpans = 30 } = options;
  if (spans.length === 0) return [];
  let start = spans[0]!.startTimeUnixNano;
  let end = spans[0]!.endTimeUnixNano;
  for (const s of spans) {
    if (s.startTimeUnixNano < start) start = s.startTimeUnixNano;
    if (s.endTimeUnixNano > end) end = s.endTimeUnixNano;
  }
  const total = end > start ? end - start : 1n;
  const roots = buildTrees(spans);
  const rootName = roots[0]?.span.name ?? '';
  const lines = [
    `trace ${spans[0]!.traceId}  ${rootName}  ${formatDuration(end - start)}  (${spans.length} span${spans.length === 1 ? '' : 's'})`,
  ];
  let shown = 0;
  const visit = (node: SpanTreeNode, depth: number) => {
    if (shown >= maxSpans) return;
    shown++;
    const s = node.span;
    const offset = Math.min(
      barWidth - 1,
      Math.floor((Number(s.startTimeUnixNano - start) / Number(total)) * barWidth),
    );
    const length = Math.max(
      1,
      Math.min(
        barWidth - offset,
        Math.round((Number(s.endTimeUnixNano - s.startTimeUnixNano) / Number(total)) * barWidth),
      ),
    );
    const bar = ' '.repeat(offset) + '█'.repeat(length) + ' '.repeat(barWidth - offset - length);
    const marker = s.status.code === 2 ? ' ✗' : '';
    const label = fit(`${'  '.repeat(depth)}${s.name}`, nameWidth);
    lines.push(
      `  ${label} │${bar}│ ${formatDuration(s.endTimeUnixNano - s.startTimeUnixNano).padStart(8)}${marker}`,
    );
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  if (spans.length > shown) lines.push(`  … ${spans.length - shown} more span(s)`);
  return lines;
}

function formatNumber(value: number | undefined): string {
  if (value === undefined) return '';
  if (Number.isInteger(value)) return String(value);
  return Number(value.toPrecision(6)).toString();
}

function formatAttributes(attributes: Record<string, unknown>): string {
  const parts = Object.entries(attributes).map(([k, v]) => {
    const text =
      typeof v === 'bigint' ? v.toString() : typeof v === 'string' ? v : JSON.stringify(v);
    return `${k}=${text}`;
  });
  return parts.join(',');
}

/** Formats a point's value: the number, or count/sum/min/max of a histogram. */
export function formatPointValue(point: ReceivedMetricPoint): string {
  if (point.histogram) {
    const h = point.histogram;
    const parts = [`count=${h.count}`];
    if (h.sum !== undefined) parts.push(`sum=${formatNumber(h.sum)}`);
    if (h.count > 0 && h.sum !== undefined) parts.push(`avg=${formatNumber(h.sum / h.count)}`);
    if (h.min !== undefined) parts.push(`min=${formatNumber(h.min)}`);
    if (h.max !== undefined) parts.push(`max=${formatNumber(h.max)}`);
    return parts.join(' ');
  }
  return formatNumber(point.value);
}

/** Renders the table of latest metric values, one row per point. */
export function renderMetricTable(
  metrics: ReadonlyMap<string, readonly ReceivedMetricPoint[]>,
  maxRows = 30,
): string[] {
  const rows: string[][] = [];
  for (const name of [...metrics.keys()].sort()) {
    for (const point of metrics.get(name) ?? []) {
      const kind = point.temporality ? `${point.type}/${point.temporality}` : point.type;
      rows.push([
        name,
        kind,
        point.unit,
        formatAttributes(point.attributes) || '-',
        formatPointValue(point),
      ]);
    }
  }
  if (rows.length === 0) return ['  (no metrics yet)'];
  const header = ['metric', 'type', 'unit', 'attributes', 'value'];
  const shownRows = rows.slice(0, maxRows);
  const widths = header.map((h, i) =>
    Math.min(40, Math.max(h.length, ...shownRows.map((r) => r[i]!.length))),
  );
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (i === cells.length - 1 ? c : fit(c, widths[i]!))).join('  ')}`.trimEnd();
  const lines = [line(header), line(widths.map((w) => '─'.repeat(w)))];
  for (const row of shownRows) lines.push(line(row));
  if (rows.length > maxRows) lines.push(`  … ${rows.length - maxRows} more row(s)`);
  return lines;
}

/** The ids of the `max` traces that most recently received a span, oldest first. */
export function latestTraceIds(spans: readonly ReceivedSpan[], max: number): string[] {
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
    `spans: ${spans.length} received, ${spansPerSecond.toFixed(1)}/s   metrics: ${metrics.size} (${points} latest points)   logs: ${input.logCount ?? 0}`,
  );
  lines.push('');
  lines.push(`Latest traces`);
  const ids = latestTraceIds(spans, maxTraces);
  if (ids.length === 0) lines.push('  (no spans yet)');
  for (const id of ids) {
    const traceSpans = spans.filter((s) => s.traceId === id);
    const options: { barWidth?: number; nameWidth?: number; maxSpans?: number } = {};
    if (input.barWidth !== undefined) options.barWidth = input.barWidth;
    if (input.nameWidth !== undefined) options.nameWidth = input.nameWidth;
    if (input.maxSpansPerTrace !== undefined) options.maxSpans = input.maxSpansPerTrace;
    lines.push(...renderWaterfall(traceSpans, options).map((l) => `  ${l}`));
  }
  lines.push('');
  lines.push('Latest metric values');
  lines.push(...renderMetricTable(metrics, input.maxMetricRows));
  return `${lines.join('\n')}\n`;
}
