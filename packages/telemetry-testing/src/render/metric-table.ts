import type { MetricTableOptions, OtlpReceiver, ReceivedMetricPoint } from '../types.js';
import { checkInteger, fit } from './text.js';

function formatNumber(value: number | bigint | undefined): string {
  if (value === undefined) return '';
  // An int64 beyond the safe range, exact.
  if (typeof value === 'bigint') return value.toString();
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

/** A point's value: the number, or count/sum/avg/min/max of a histogram. */
function formatPointValue(point: ReceivedMetricPoint): string {
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

/**
 * Narrows the attributes column, then the metric column, until a row fits `width` with its
 * value (the column that matters most) in full.
 */
function shrinkToWidth(widths: number[], width: number): void {
  const total = () => 2 + widths.reduce((sum, w) => sum + w + 2, 0) - 2;
  for (const [column, min] of [
    [3, 10],
    [0, 16],
  ] as const) {
    const over = total() - width;
    if (over > 0) widths[column] = Math.max(min, widths[column]! - over);
  }
}

function latestByName(
  source: Pick<OtlpReceiver, 'metricPoints' | 'metric'>,
): Map<string, readonly ReceivedMetricPoint[]> {
  const latest = new Map<string, readonly ReceivedMetricPoint[]>();
  for (const point of source.metricPoints()) {
    if (!latest.has(point.name)) latest.set(point.name, source.metric(point.name));
  }
  return latest;
}

/**
 * Renders the latest metric values as a text table: a header, then one row per point (metric,
 * type and temporality, unit, attributes, value), metrics sorted by name. A histogram's value
 * reads `count=… sum=… avg=… min=… max=…`. Without any metric the table is the single line
 * `(no metrics yet)`.
 *
 * @param source - A receiver (each metric's points from the latest export that held it, as
 *   `receiver.metric(name)` returns them), or the points to show keyed by metric name.
 * @returns The lines, without line breaks.
 * @throws RangeError when `maxRows` is not a positive integer.
 */
export function renderMetricTable(
  source:
    | Pick<OtlpReceiver, 'metricPoints' | 'metric'>
    | ReadonlyMap<string, readonly ReceivedMetricPoint[]>,
  options: MetricTableOptions = {},
): string[] {
  checkInteger('maxRows', options.maxRows, 1);
  checkInteger('width', options.width, 1);
  const maxRows = options.maxRows ?? 30;
  const namePrefix = options.namePrefix ?? '';
  const metrics = 'metricPoints' in source ? latestByName(source) : source;
  const rows: string[][] = [];
  for (const name of [...metrics.keys()].sort()) {
    if (!name.startsWith(namePrefix)) continue;
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
  if (options.width !== undefined) shrinkToWidth(widths, options.width);
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (i === cells.length - 1 ? c : fit(c, widths[i]!))).join('  ')}`.trimEnd();
  const lines = [line(header), line(widths.map((w) => '─'.repeat(w)))];
  for (const row of shownRows) lines.push(line(row));
  if (rows.length > maxRows) lines.push(`  … ${rows.length - maxRows} more row(s)`);
  return lines;
}
