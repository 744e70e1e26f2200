import type { DataPoint, MetricData, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { TakenExemplars } from './exemplar-store.js';
import type { RecordedExemplar } from './types.js';

/** The exemplars of one collection, by the data point (object identity) they belong to. */
export type ExemplarsByPoint = ReadonlyMap<DataPoint<unknown>, readonly RecordedExemplar[]>;

/**
 * Finds the points of `resourceMetrics` that taken exemplars belong to: same scope, same metric
 * name, and the point's attributes are the ones the exemplar was kept under (those the SDK
 * aggregated the measurement with). Exemplars of points not collected (the overflow series took
 * the measurement, another reader's collection) are left out.
 */
export function exemplarsByPoint(
  resourceMetrics: ResourceMetrics,
  taken: TakenExemplars,
): ExemplarsByPoint {
  const found = new Map<DataPoint<unknown>, readonly RecordedExemplar[]>();
  if (taken.empty) return found;
  for (const { scope, metrics } of resourceMetrics.scopeMetrics) {
    for (const metric of metrics as MetricData[]) {
      for (const point of metric.dataPoints as DataPoint<unknown>[]) {
        const exemplars = taken.forPoint(scope, metric.descriptor.name, point.attributes);
        if (exemplars !== undefined) found.set(point, exemplars);
      }
    }
  }
  return found;
}
