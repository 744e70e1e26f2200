// The metrics of the web view: one entry per metric name, and a metric's points as series over
// time, one per attribute set (and service instance), for the charts.
import type { ReceivedMetricPoint } from '../types.js';
import { jsonAttributes, nanosToMillis } from './json-values.js';

/** One entry of the metric list. */
export interface MetricSummary {
  name: string;
  type: string;
  unit: string;
  description: string;
  temporality: string;
  series: number;
  points: number;
}

const SERIES_RESOURCE_KEYS = ['service.name', 'service.instance.id'] as const;

/** The identity of a point's series: its attributes and the service instance that sent it. */
function seriesKey(point: ReceivedMetricPoint): string {
  const resource = SERIES_RESOURCE_KEYS.map((k) => String(point.resource[k] ?? ''));
  return JSON.stringify([resource, jsonAttributes(point.attributes)]);
}

export function summarizeMetrics(points: readonly ReceivedMetricPoint[]): MetricSummary[] {
  const byName = new Map<
    string,
    { first: ReceivedMetricPoint; keys: Set<string>; points: number }
  >();
  for (const point of points) {
    const entry = byName.get(point.name) ?? { first: point, keys: new Set(), points: 0 };
    entry.keys.add(seriesKey(point));
    entry.points++;
    byName.set(point.name, entry);
  }
  return [...byName.values()]
    .map(({ first, keys, points: count }) => ({
      name: first.name,
      type: first.type,
      unit: first.unit,
      description: first.description,
      temporality: first.temporality ?? '',
      series: keys.size,
      points: count,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The number a chart draws for a point: a sum's or gauge's value; for a histogram, the mean of
 * the interval (of the difference to the previous point when cumulative, so the line shows how
 * the latest values move rather than the mean since start).
 */
function chartValue(point: ReceivedMetricPoint, previous: ReceivedMetricPoint | undefined) {
  const h = point.histogram;
  if (!h) return point.value === undefined ? undefined : Number(point.value);
  const before = point.temporality === 'cumulative' ? previous?.histogram : undefined;
  let count = h.count;
  let sum = h.sum;
  // A reset (the count went down) starts the cumulative sums again.
  if (before && before.count <= h.count && before.sum !== undefined && sum !== undefined) {
    count -= before.count;
    sum -= before.sum;
  }
  return count > 0 && sum !== undefined ? sum / count : undefined;
}

/** A metric's series for the charts, `undefined` when no point of `name` was received. */
export function metricView(
  name: string,
  allPoints: readonly ReceivedMetricPoint[],
  limits: { maxSeries: number; maxPointsPerSeries: number },
) {
  const points = allPoints.filter((p) => p.name === name);
  if (points.length === 0) return undefined;
  const series = new Map<
    string,
    { sample: ReceivedMetricPoint; points: [number, number][]; last?: ReceivedMetricPoint }
  >();
  for (const point of points) {
    const key = seriesKey(point);
    const entry = series.get(key) ?? { sample: point, points: [] };
    const value = chartValue(point, entry.last);
    entry.last = point;
    if (value !== undefined && Number.isFinite(value)) {
      entry.points.push([nanosToMillis(point.timeUnixNano), value]);
      if (entry.points.length > limits.maxPointsPerSeries) entry.points.shift();
    }
    series.set(key, entry);
  }
  const first = points[0]!;
  const shown = [...series.values()].slice(0, limits.maxSeries);
  return {
    name,
    type: first.type,
    unit: first.unit,
    description: first.description,
    temporality: first.temporality ?? '',
    valueLabel: first.histogram
      ? `mean per interval${first.unit ? ` (${first.unit})` : ''}`
      : first.unit,
    series: shown.map(({ sample, points: values }) => ({
      attributes: jsonAttributes(sample.attributes),
      service: String(sample.resource['service.name'] ?? ''),
      instance: String(sample.resource['service.instance.id'] ?? ''),
      points: values,
    })),
    omittedSeries: series.size - shown.length,
  };
}
