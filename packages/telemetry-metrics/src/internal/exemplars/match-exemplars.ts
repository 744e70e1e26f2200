import type { Attributes } from '@opentelemetry/api';
import type { DataPoint, MetricData, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { attributesKey, attributesNotIn, isAttributeSubset } from './attributes-key.js';
import { scopeKey } from './exemplar-store.js';
import type { PointExemplar, RecordedExemplar, TakenExemplars } from './types.js';

/** The exemplars of an export, by the data point (object identity) they belong to. */
export type ExemplarsByPoint = ReadonlyMap<DataPoint<unknown>, readonly PointExemplar[]>;

type AnyPoint = DataPoint<unknown>;

function toPointExemplar(exemplar: RecordedExemplar, pointAttributes: Attributes): PointExemplar {
  const filteredAttributes = attributesNotIn(exemplar.attributes, pointAttributes);
  return exemplar.traceId === undefined
    ? { value: exemplar.value, time: exemplar.time, filteredAttributes }
    : {
        value: exemplar.value,
        time: exemplar.time,
        traceId: exemplar.traceId,
        spanId: exemplar.spanId,
        filteredAttributes,
      };
}

function pointFor(
  exemplar: RecordedExemplar,
  byKey: ReadonlyMap<string, AnyPoint>,
  points: readonly AnyPoint[],
): AnyPoint | undefined {
  const exact = byKey.get(attributesKey(exemplar.attributes));
  if (exact !== undefined) return exact;
  // A view's allow-list removed attributes: the point's are a subset of the recorded ones.
  // (The overflow series, `otel.metric.overflow=true`, is never a subset and gets none.)
  return points.find((point) => isAttributeSubset(point.attributes, exemplar.attributes));
}

function matchMetric(
  metric: MetricData,
  exemplars: readonly RecordedExemplar[],
  into: Map<AnyPoint, PointExemplar[]>,
): void {
  const points = metric.dataPoints as readonly AnyPoint[];
  const byKey = new Map<string, AnyPoint>();
  for (const point of points) byKey.set(attributesKey(point.attributes), point);
  for (const exemplar of exemplars) {
    const point = pointFor(exemplar, byKey, points);
    if (point === undefined) continue;
    let list = into.get(point);
    if (list === undefined) {
      list = [];
      into.set(point, list);
    }
    list.push(toPointExemplar(exemplar, point.attributes));
  }
}

/**
 * Attaches taken exemplars to the points of `resourceMetrics`: same scope, same metric name, and
 * the point whose attributes equal the recorded ones (or are a subset of them, after an
 * attribute allow-list). Exemplars without a point (a view renamed or dropped the instrument)
 * are left out.
 */
export function matchExemplars(
  resourceMetrics: ResourceMetrics,
  taken: TakenExemplars,
): ExemplarsByPoint {
  const matched = new Map<AnyPoint, PointExemplar[]>();
  if (taken.size === 0) return matched;
  for (const scopeMetrics of resourceMetrics.scopeMetrics) {
    const instruments = taken.get(scopeKey(scopeMetrics.scope));
    if (instruments === undefined) continue;
    for (const metric of scopeMetrics.metrics) {
      const exemplars = instruments.get(metric.descriptor.name);
      if (exemplars !== undefined) matchMetric(metric, exemplars, matched);
    }
  }
  return matched;
}
