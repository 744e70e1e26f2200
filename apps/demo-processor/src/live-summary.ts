import { SPAN_WINDOW_EMIT } from '@proc/telemetry';
import type {
  OtlpReceiver,
  ReceivedMetricPoint,
  ReceivedSpan,
  SpanTreeNode,
} from '@proc/telemetry-testing';

// The live view of the no-collector mode, drawn from the in-process receiver's records: the
// latest batch trace as a waterfall and the latest value of each processor.* metric series.
// (The otlp-receiver CLI draws the same kind of frame; its renderer is not exported.)

const BAR_WIDTH = 32;
const NAME_WIDTH = 34;

/** `850µs`, `12.3ms`, `4.56s`. */
export function formatDuration(nanos: bigint): string {
  const n = Number(nanos < 0n ? 0n : nanos);
  if (n < 1e6) return `${Math.round(n / 1e3)}µs`;
  if (n < 1e9) return `${(n / 1e6).toFixed(n < 1e7 ? 2 : 1)}ms`;
  return `${(n / 1e9).toFixed(2)}s`;
}

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/**
 * One line per span of the trace, indented under its parent, with a bar on the trace's time
 * axis; runs of more than `maxSameName` same-named siblings are elided.
 */
export function renderWaterfall(roots: readonly SpanTreeNode[], maxSameName = 4): string[] {
  const all: ReceivedSpan[] = [];
  const collect = (n: SpanTreeNode) => {
    all.push(n.span);
    for (const child of n.children) collect(child);
  };
  for (const root of roots) collect(root);
  if (all.length === 0) return [];
  // bigint nanoseconds: Math.min/max do not apply.
  let start = all[0]!.startTimeUnixNano;
  let end = all[0]!.endTimeUnixNano;
  for (const s of all) {
    if (s.startTimeUnixNano < start) start = s.startTimeUnixNano;
    if (s.endTimeUnixNano > end) end = s.endTimeUnixNano;
  }
  const total = Number(end > start ? end - start : 1n);
  const lines: string[] = [];
  const line = (s: ReceivedSpan, depth: number) => {
    const offset = Math.min(
      BAR_WIDTH - 1,
      Math.floor((Number(s.startTimeUnixNano - start) / total) * BAR_WIDTH),
    );
    const width = Math.max(
      1,
      Math.min(
        BAR_WIDTH - offset,
        Math.round((Number(s.endTimeUnixNano - s.startTimeUnixNano) / total) * BAR_WIDTH),
      ),
    );
    const bar = `${' '.repeat(offset)}${'█'.repeat(width)}`.padEnd(BAR_WIDTH);
    const links = s.links.length > 0 ? `  ${s.links.length} links` : '';
    const error = s.status.code === 2 ? ' ✗' : '';
    lines.push(
      `    ${fit(`${'  '.repeat(depth)}${s.name}`, NAME_WIDTH)} │${bar}│ ${formatDuration(s.endTimeUnixNano - s.startTimeUnixNano).padStart(8)}${error}${links}`,
    );
  };
  const visit = (node: SpanTreeNode, depth: number) => {
    line(node.span, depth);
    // A batch has one child per message: show the first few of a run of same-named siblings
    // (and any that failed), so the window spans after them stay on screen.
    let run = 0;
    let hidden = 0;
    node.children.forEach((child, i) => {
      run = i > 0 && node.children[i - 1]!.span.name === child.span.name ? run + 1 : 0;
      const last =
        i === node.children.length - 1 || node.children[i + 1]!.span.name !== child.span.name;
      if (run < maxSameName || child.span.status.code === 2) visit(child, depth + 1);
      else hidden++;
      if (last && hidden > 0) {
        lines.push(`    ${'  '.repeat(depth + 1)}… ${hidden} more ${child.span.name}`);
        hidden = 0;
      }
    });
  };
  for (const root of roots) visit(root, 0);
  return lines;
}

/** `count=… p50≈…` for histograms, the value otherwise. */
export function formatPoint(point: ReceivedMetricPoint): string {
  const h = point.histogram;
  if (!h) return String(Number((point.value ?? 0).toPrecision(6)));
  const avg =
    h.count > 0 && h.sum !== undefined ? ` avg=${Number((h.sum / h.count).toPrecision(4))}` : '';
  const max = h.max !== undefined ? ` max=${Number(h.max.toPrecision(4))}` : '';
  return `count=${h.count}${avg}${max}`;
}

/** The latest point of each processor.* series, one row each. */
export function renderMetricRows(receiver: OtlpReceiver): string[] {
  const names = [...new Set(receiver.metricPoints().map((p) => p.name))]
    .filter((n) => n.startsWith('processor.'))
    .sort();
  const rows: string[] = [];
  for (const name of names) {
    for (const point of receiver.metric(name)) {
      const attrs = Object.entries(point.attributes)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(',');
      rows.push(
        `    ${fit(name, 32)} ${fit(point.unit, 9)} ${fit(attrs || '-', 42)} ${formatPoint(point)}`,
      );
    }
  }
  return rows.length > 0 ? rows : ['    (no metrics exported yet)'];
}

/** One frame: counts, the latest batch trace and the metric table. */
export function renderLiveSummary(receiver: OtlpReceiver): string {
  const spans = receiver.spans();
  const batches = spans.filter((s) => s.links.length > 0);
  // The latest batch that fired a window shows every kind of span; else the latest batch.
  const firing = new Set(spans.filter((s) => s.name === SPAN_WINDOW_EMIT).map((s) => s.traceId));
  const latest = [...batches].reverse().find((s) => firing.has(s.traceId)) ?? batches.at(-1);
  const lines = [
    `── telemetry received by the in-process OTLP receiver (${receiver.httpUrl}) ──`,
    `  spans: ${spans.length}   batch traces: ${batches.length}   metric points: ${receiver.metricPoints().length}`,
    '  latest batch trace:',
  ];
  if (latest) {
    lines.push(`    trace ${latest.traceId}`);
    lines.push(...renderWaterfall(receiver.traceTree(latest.traceId)));
  } else {
    lines.push('    (no batch span exported yet)');
  }
  lines.push('  latest processor.* metrics:', ...renderMetricRows(receiver));
  return `${lines.join('\n')}\n`;
}
