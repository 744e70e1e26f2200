import { ValueType } from '@opentelemetry/api';
import {
  type DataPoint,
  DataPointType,
  type MetricData,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import type { ExemplarsByPoint } from './point-exemplars.js';
import { encodeExemplars } from './protobuf-exemplars.js';
import { append, editRepeated, fieldsOf, LEN } from './protobuf-fields.js';

// Where the points and their exemplars sit in an ExportMetricsServiceRequest
// (opentelemetry-proto collector/metrics/v1 and metrics/v1).
const RESOURCE_METRICS = 1;
const SCOPE_METRICS = 2;
const METRICS = 2;
const METRIC_NAME = 1;
const DATA_POINTS = 1;
/** The Metric field holding each point type, and the exemplars field of that point message. */
const DATA: Partial<Record<DataPointType, { field: number; exemplars: number }>> = {
  [DataPointType.GAUGE]: { field: 5, exemplars: 5 },
  [DataPointType.SUM]: { field: 7, exemplars: 5 },
  [DataPointType.HISTOGRAM]: { field: 9, exemplars: 8 },
  [DataPointType.EXPONENTIAL_HISTOGRAM]: { field: 10, exemplars: 11 },
};

const utf8 = new TextDecoder();

function nameOf(metric: Uint8Array): string | undefined {
  const name = fieldsOf(metric).find((f) => f.field === METRIC_NAME && f.wire === LEN);
  return name === undefined ? undefined : utf8.decode(metric.subarray(name.valueStart, name.end));
}

function editMetric(
  encoded: Uint8Array,
  metric: MetricData,
  exemplars: ExemplarsByPoint,
): Uint8Array | undefined {
  const data = DATA[metric.dataPointType];
  const points = metric.dataPoints as readonly DataPoint<unknown>[];
  if (data === undefined || !points.some((point) => exemplars.has(point))) return undefined;
  if (nameOf(encoded) !== metric.descriptor.name) return notAsExpected();
  const integer = metric.descriptor.valueType === ValueType.INT;
  const edited = editRepeated(encoded, data.field, 1, (payload) =>
    check(
      editRepeated(payload, DATA_POINTS, points.length, (encodedPoint, index) => {
        const point = points[index];
        const found = point === undefined ? undefined : exemplars.get(point);
        return found === undefined
          ? undefined
          : append(encodedPoint, encodeExemplars(data.exemplars, found, integer));
      }),
    ),
  );
  return check(edited);
}

/** The encoded request is not laid out as the collection (another serializer version). */
function notAsExpected(): never {
  throw new Error(
    '@proc/telemetry-metrics: internal error: the encoded request does not hold the collection point for point',
  );
}

function check(edited: Uint8Array | undefined): Uint8Array {
  return edited ?? notAsExpected();
}

/**
 * `request`, the ExportMetricsServiceRequest that otlp-transformer's public
 * `ProtobufMetricsSerializer` encoded for `resourceMetrics`, with `exemplars` appended to their
 * data points. Every other byte is the serializer's own, copied as it is; a point is found by
 * its position, checked against the collection (the number of scopes, metrics and points and
 * each metric's name).
 * @throws Error when the request does not hold the collection as expected.
 */
export function addProtobufExemplars(
  request: Uint8Array,
  resourceMetrics: ResourceMetrics,
  exemplars: ExemplarsByPoint,
): Uint8Array {
  if (exemplars.size === 0) return request;
  const scopes = resourceMetrics.scopeMetrics;
  return check(
    editRepeated(request, RESOURCE_METRICS, 1, (resource) =>
      check(
        editRepeated(resource, SCOPE_METRICS, scopes.length, (scope, scopeIndex) => {
          const metrics = scopes[scopeIndex]?.metrics ?? [];
          return check(
            editRepeated(scope, METRICS, metrics.length, (metric, metricIndex) =>
              editMetric(metric, metrics[metricIndex] as MetricData, exemplars),
            ),
          );
        }),
      ),
    ),
  );
}
