import type { Attributes } from '@opentelemetry/api';
import type { InstrumentationScope } from '@opentelemetry/core';
import type { Resource } from '@opentelemetry/resources';
import {
  type DataPoint,
  DataPointType,
  type Histogram,
  type MetricData,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import type { ExemplarsByPoint } from '../exemplars/point-exemplars.js';
import type { RecordedExemplar } from '../exemplars/types.js';
import { escapeHelp, labels, prometheusName, valueString } from './prometheus-names.js';

// OpenMetrics 1.0 text: https://github.com/prometheus/OpenMetrics/blob/v1.0.0/specification/OpenMetrics.md
// The samples are those of the exporter's text format (same names, labels and values); on top,
// each counter sample and histogram bucket may carry an exemplar, and the exposition ends with
// `# EOF`. No `# UNIT`: OpenMetrics requires a unit to end the family name, and these names
// carry none.

/** ` # {trace_id="…",span_id="…"} value timestamp`: the exemplar of one sample. */
function exemplarSuffix(exemplar: RecordedExemplar | undefined): string {
  if (exemplar === undefined) return '';
  const ids =
    exemplar.traceId === undefined
      ? ''
      : `trace_id="${exemplar.traceId}",span_id="${exemplar.spanId ?? ''}"`;
  const [seconds, nanos] = exemplar.time;
  return ` # {${ids}} ${valueString(exemplar.value)} ${seconds}.${String(nanos).padStart(9, '0')}`;
}

function header(family: string, help: string, type: string): string {
  return `# HELP ${family} ${escapeHelp(help || 'description missing')}\n# TYPE ${family} ${type}\n`;
}

/** The latest exemplar whose value falls in each bucket, by bucket index. */
function bucketExemplars(
  boundaries: readonly number[],
  exemplars: readonly RecordedExemplar[] | undefined,
): Map<number, RecordedExemplar> {
  const byBucket = new Map<number, RecordedExemplar>();
  // Kept exemplars come largest first, latest last: the latest wins a shared bucket.
  for (const exemplar of exemplars ?? []) {
    const index = boundaries.findIndex((bound) => exemplar.value <= bound);
    byBucket.set(index === -1 ? boundaries.length : index, exemplar);
  }
  return byBucket;
}

function histogramSamples(
  name: string,
  point: DataPoint<Histogram>,
  scope: Attributes,
  exemplars: readonly RecordedExemplar[] | undefined,
): string {
  const { buckets, count, sum } = point.value;
  const byBucket = bucketExemplars(buckets.boundaries, exemplars);
  let text = '';
  let cumulative = 0;
  let infinityDefined = false;
  // As the exporter walks them: the last count is the +Inf bucket unless a bound is Infinity.
  for (const [index, bucketCount] of buckets.counts.entries()) {
    cumulative += bucketCount;
    const bound = buckets.boundaries[index];
    if (bound === undefined && infinityDefined) break;
    if (bound === Number.POSITIVE_INFINITY) infinityDefined = true;
    const le = bound === undefined || bound === Number.POSITIVE_INFINITY ? '+Inf' : String(bound);
    text += `${name}_bucket${labels(point.attributes, { ...scope, le })} ${cumulative}`;
    text += `${exemplarSuffix(byBucket.get(index))}\n`;
  }
  text += `${name}_count${labels(point.attributes, scope)} ${valueString(count)}\n`;
  if (sum != null) text += `${name}_sum${labels(point.attributes, scope)} ${valueString(sum)}\n`;
  return text;
}

function family(metric: MetricData, scope: Attributes, exemplars: ExemplarsByPoint): string {
  const name = prometheusName(metric);
  if (name === undefined) return '';
  const help = metric.descriptor.description;
  switch (metric.dataPointType) {
    case DataPointType.SUM:
      if (metric.isMonotonic) {
        let text = header(name.slice(0, -'_total'.length), help, 'counter');
        for (const point of metric.dataPoints) {
          // A counter series keeps one exemplar (the reservoir's draw).
          const kept = exemplars.get(point)?.at(-1);
          text += `${name}${labels(point.attributes, scope)} ${valueString(point.value)}`;
          text += `${exemplarSuffix(kept)}\n`;
        }
        return text;
      }
      return gauge(name, help, metric.dataPoints, scope);
    case DataPointType.GAUGE:
      // OpenMetrics allows no exemplars on gauges.
      return gauge(name, help, metric.dataPoints, scope);
    case DataPointType.HISTOGRAM: {
      let text = header(name, help, 'histogram');
      for (const point of metric.dataPoints) {
        text += histogramSamples(name, point, scope, exemplars.get(point));
      }
      return text;
    }
    default:
      // Exponential histograms have no OpenMetrics 1.0 form; the exporter writes no samples.
      return '';
  }
}

function gauge(name: string, help: string, points: DataPoint<number>[], scope: Attributes) {
  let text = header(name, help, 'gauge');
  for (const point of points) {
    text += `${name}${labels(point.attributes, scope)} ${valueString(point.value)}\n`;
  }
  return text;
}

/** The scope labels the exporter adds to every sample. */
function scopeLabels(scope: InstrumentationScope): Attributes {
  const info: Attributes = { 'otel.scope.name': scope.name };
  if (scope.schemaUrl) info['otel.scope.schema_url'] = scope.schemaUrl;
  if (scope.version) info['otel.scope.version'] = scope.version;
  return info;
}

function targetInfo(resource: Resource): string {
  return `${header('target_info', 'Target metadata', 'gauge')}target_info${labels(resource.attributes)} 1\n`;
}

/**
 * One collection as OpenMetrics text, with `exemplars` on the counter samples and histogram
 * buckets they belong to (a histogram bucket holds the exemplar whose value it counts).
 */
export function serializeOpenMetrics(
  resourceMetrics: ResourceMetrics,
  exemplars: ExemplarsByPoint,
): string {
  let text = targetInfo(resourceMetrics.resource);
  for (const { scope, metrics } of resourceMetrics.scopeMetrics) {
    const scopeInfo = scopeLabels(scope);
    for (const metric of metrics) text += family(metric, scopeInfo, exemplars);
  }
  return `${text}# EOF\n`;
}
