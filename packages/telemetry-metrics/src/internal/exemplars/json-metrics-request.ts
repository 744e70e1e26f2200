import { ValueType } from '@opentelemetry/api';
import { toAttributes } from '@opentelemetry/otlp-transformer/build/src/common/internal.js';
import { JSON_ENCODER } from '@opentelemetry/otlp-transformer/build/src/common/utils.js';
import { createExportMetricsServiceRequest } from '@opentelemetry/otlp-transformer/build/src/metrics/internal.js';
import type {
  IExemplar,
  IExportMetricsServiceRequest,
  IMetric,
} from '@opentelemetry/otlp-transformer/build/src/metrics/internal-types.js';
import type { MetricData, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { ExemplarsByPoint } from './match-exemplars.js';
import type { PointExemplar } from './types.js';

// OTLP/JSON: ids as hex strings, times as decimal strings of nanoseconds
// (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding).
function toJsonExemplar(exemplar: PointExemplar, valueType: ValueType): IExemplar {
  const json: IExemplar = {
    filteredAttributes: toAttributes(exemplar.filteredAttributes, JSON_ENCODER),
    timeUnixNano: JSON_ENCODER.encodeHrTime(exemplar.time) as string,
  };
  if (valueType === ValueType.INT) json.asInt = exemplar.value;
  else json.asDouble = exemplar.value;
  if (exemplar.spanId !== undefined) json.spanId = exemplar.spanId;
  if (exemplar.traceId !== undefined) json.traceId = exemplar.traceId;
  return json;
}

function jsonPointsOf(metric: IMetric): { exemplars?: IExemplar[] }[] {
  return (
    metric.sum?.dataPoints ??
    metric.gauge?.dataPoints ??
    metric.histogram?.dataPoints ??
    metric.exponentialHistogram?.dataPoints ??
    []
  );
}

function addExemplars(metric: MetricData, json: IMetric, exemplars: ExemplarsByPoint): void {
  const jsonPoints = jsonPointsOf(json);
  metric.dataPoints.forEach((point, index) => {
    const pointExemplars = exemplars.get(point);
    const jsonPoint = jsonPoints[index];
    if (pointExemplars === undefined || jsonPoint === undefined) return;
    jsonPoint.exemplars = pointExemplars.map((e) => toJsonExemplar(e, metric.descriptor.valueType));
  });
}

/**
 * The OTLP/JSON export request object that otlp-transformer's `JsonMetricsSerializer` builds for
 * `resourceMetrics`, with `exemplars` added to the matching data points and nothing else changed.
 */
export function createJsonMetricsRequest(
  resourceMetrics: ResourceMetrics,
  exemplars: ExemplarsByPoint,
): IExportMetricsServiceRequest {
  const request = createExportMetricsServiceRequest([resourceMetrics], JSON_ENCODER);
  if (exemplars.size === 0) return request;
  const jsonScopes = request.resourceMetrics[0]?.scopeMetrics ?? [];
  resourceMetrics.scopeMetrics.forEach((scopeMetrics, scopeIndex) => {
    const jsonMetrics = jsonScopes[scopeIndex]?.metrics ?? [];
    scopeMetrics.metrics.forEach((metric, metricIndex) => {
      const json = jsonMetrics[metricIndex];
      if (json !== undefined) addExemplars(metric, json, exemplars);
    });
  });
  return request;
}
