// The metric points of a parsed OTLP/JSON `ExportMetricsServiceRequest`, read field by field
// into the receiver's records (the same records `flattenMetrics` makes from a protobuf request).
import { enumNames } from '../../proto.js';
import type {
  MetricType,
  NumberValueType,
  ReceivedAttributes,
  ReceivedExemplar,
  ReceivedHistogram,
  ReceivedMetricPoint,
  ReceivedScope,
} from '../../types.js';
import { attributesField } from './json-any-value.js';
import {
  checkDepth,
  checkUnreported,
  doubleField,
  elementOf,
  enumField,
  int32Field,
  type Json,
  listField,
  messageField,
  stringField,
  uint32Field,
} from './json-fields.js';
import { hexIdField } from './json-ids.js';
import { int64ValueField, nanosField, uint64Number, uint64NumberField } from './json-int64.js';
import { resourceField, scopeField } from './json-resource-scope.js';

const METRICS = '.opentelemetry.proto.metrics.v1';
const REQUEST_RESOURCE_METRICS =
  '.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest.resourceMetrics';
const RESOURCE_METRICS_RESOURCE = `${METRICS}.ResourceMetrics.resource`;
const RESOURCE_METRICS_SCOPE_METRICS = `${METRICS}.ResourceMetrics.scopeMetrics`;
const SCOPE_METRICS_SCOPE = `${METRICS}.ScopeMetrics.scope`;
const SCOPE_METRICS_METRICS = `${METRICS}.ScopeMetrics.metrics`;
const METRIC_METADATA = `${METRICS}.Metric.metadata`;
const EXEMPLAR_ATTRIBUTES = `${METRICS}.Exemplar.filteredAttributes`;
const QUANTILE_VALUES = `${METRICS}.SummaryDataPoint.quantileValues`;
const BUCKET_COUNTS_OF_BUCKETS = `${METRICS}.ExponentialHistogramDataPoint.Buckets.bucketCounts`;

/** The `data` oneof of a Metric, in field-number order: the last one sent wins. */
const METRIC_TYPES: readonly MetricType[] = [
  'gauge',
  'sum',
  'histogram',
  'exponentialHistogram',
  'summary',
];
/** The protobuf message name of each data type and of its data points. */
const DATA_MESSAGES: Record<MetricType, { data: string; point: string }> = {
  gauge: { data: 'Gauge', point: 'NumberDataPoint' },
  sum: { data: 'Sum', point: 'NumberDataPoint' },
  histogram: { data: 'Histogram', point: 'HistogramDataPoint' },
  exponentialHistogram: {
    data: 'ExponentialHistogram',
    point: 'ExponentialHistogramDataPoint',
  },
  summary: { data: 'Summary', point: 'SummaryDataPoint' },
};
const AGGREGATION_TEMPORALITY = enumNames('opentelemetry.proto.metrics.v1.AggregationTemporality');
const TEMPORALITY = { 1: 'delta', 2: 'cumulative' } as const;

/** What every point of one Metric shares. */
interface MetricContext {
  name: string;
  description: string;
  unit: string;
  resource: ReceivedAttributes;
  scope: ReceivedScope;
}

/** The `value` oneof of a number point or an exemplar: `asInt` (field 6) beats `asDouble`. */
function numberValueOf(p: Json): { value: number | bigint; valueType: NumberValueType } {
  const asDouble = doubleField(p.asDouble);
  return p.asInt != null
    ? { value: int64ValueField(p.asInt), valueType: 'int' }
    : { value: asDouble ?? 0, valueType: 'double' };
}

function exemplarsField(value: unknown, field: string, depth: number): ReceivedExemplar[] {
  const list = listField(value, field);
  const exemplars: ReceivedExemplar[] = [];
  if (list === undefined) return exemplars;
  for (let i = 0; i < list.length; i++) {
    const e = elementOf(list, i, field);
    checkDepth(depth);
    const attributes = attributesField(e.filteredAttributes, EXEMPLAR_ATTRIBUTES, depth + 1);
    const timeUnixNano = nanosField(e.timeUnixNano);
    const numberValue = numberValueOf(e);
    const spanId = hexIdField(e.spanId, 'spanId');
    const traceId = hexIdField(e.traceId, 'traceId');
    const exemplar: ReceivedExemplar = { ...numberValue, attributes, timeUnixNano };
    if (traceId) exemplar.traceId = traceId;
    if (spanId) exemplar.spanId = spanId;
    exemplars.push(exemplar);
  }
  return exemplars;
}

const uint64Numbers = (value: unknown, field: string): number[] =>
  (listField(value, field) ?? []).map(uint64Number);

function bucketsField(value: unknown, field: string) {
  const buckets = messageField(value, field);
  if (buckets === undefined) return { offset: 0, bucketCounts: [] };
  checkDepth(6);
  const offset = int32Field(buckets.offset);
  return { offset, bucketCounts: uint64Numbers(buckets.bucketCounts, BUCKET_COUNTS_OF_BUCKETS) };
}

/** The buckets or quantiles of a histogram, exponential histogram or summary point. */
function histogramOf(type: MetricType, p: Json, field: string): ReceivedHistogram {
  const histogram: ReceivedHistogram = {
    count: uint64NumberField(p.count),
    bucketCounts: [],
    explicitBounds: [],
  };
  const sum = doubleField(p.sum);
  if (sum !== undefined) histogram.sum = sum;
  if (type !== 'summary') {
    const min = doubleField(p.min);
    const max = doubleField(p.max);
    if (min !== undefined) histogram.min = min;
    if (max !== undefined) histogram.max = max;
  }
  if (type === 'histogram') {
    histogram.bucketCounts = uint64Numbers(p.bucketCounts, `${field}.bucketCounts`);
    const bounds = listField(p.explicitBounds, `${field}.explicitBounds`) ?? [];
    histogram.explicitBounds = bounds.map(Number);
  } else if (type === 'exponentialHistogram') {
    histogram.scale = int32Field(p.scale);
    histogram.zeroCount = uint64NumberField(p.zeroCount);
    histogram.positive = bucketsField(p.positive, `${field}.positive`);
    histogram.negative = bucketsField(p.negative, `${field}.negative`);
    histogram.bucketCounts = histogram.positive.bucketCounts;
    checkUnreported(p.zeroThreshold, 'double');
  } else {
    const quantiles = listField(p.quantileValues, QUANTILE_VALUES) ?? [];
    histogram.quantiles = quantiles.map((_, i) => {
      const q = elementOf(quantiles, i, QUANTILE_VALUES);
      checkDepth(6);
      return { quantile: doubleField(q.quantile) ?? 0, value: doubleField(q.value) ?? 0 };
    });
  }
  return histogram;
}

/** The points of one Metric's data message (`gauge`, `sum`, ...) at nesting depth 4. */
function pointsOf(type: MetricType, data: Json, metric: MetricContext): ReceivedMetricPoint[] {
  checkDepth(4);
  const { data: dataName, point: pointName } = DATA_MESSAGES[type];
  const pointsField = `${METRICS}.${dataName}.dataPoints`;
  const pointField = `${METRICS}.${pointName}`;
  const list = listField(data.dataPoints, pointsField) ?? [];
  const temporalityNumber =
    type === 'gauge' || type === 'summary'
      ? undefined
      : enumField(data.aggregationTemporality, AGGREGATION_TEMPORALITY);
  const temporality = TEMPORALITY[temporalityNumber as 1 | 2];
  const points: ReceivedMetricPoint[] = [];
  for (let i = 0; i < list.length; i++) {
    const p = elementOf(list, i, pointsField);
    checkDepth(5);
    const attributes = attributesField(p.attributes, `${pointField}.attributes`, 6);
    const startTimeUnixNano = nanosField(p.startTimeUnixNano);
    const timeUnixNano = nanosField(p.timeUnixNano);
    const numberPoint = type === 'gauge' || type === 'sum';
    const numberValue = numberPoint ? numberValueOf(p) : undefined;
    const histogram = numberPoint ? undefined : histogramOf(type, p, pointField);
    const exemplars = exemplarsField(p.exemplars, `${pointField}.exemplars`, 6);
    uint32Field(p.flags);
    const point: ReceivedMetricPoint = {
      name: metric.name,
      description: metric.description,
      unit: metric.unit,
      type,
      attributes,
      exemplars,
      startTimeUnixNano,
      timeUnixNano,
      resource: metric.resource,
      scope: metric.scope,
      protocol: 'http/json',
    };
    if (temporality) point.temporality = temporality;
    if (type === 'sum') point.isMonotonic = Boolean(data.isMonotonic);
    if (numberValue !== undefined) {
      point.value = numberValue.value;
      point.valueType = numberValue.valueType;
    } else {
      point.histogram = histogram;
    }
    points.push(point);
  }
  return points;
}

/** The points of one Metric (at nesting depth 3), in request order. */
function metricPoints(
  m: Json,
  resource: ReceivedAttributes,
  scope: ReceivedScope,
): ReceivedMetricPoint[] {
  checkDepth(3);
  const metric: MetricContext = {
    name: stringField(m.name) ?? '',
    description: stringField(m.description) ?? '',
    unit: stringField(m.unit) ?? '',
    resource,
    scope,
  };
  let points: ReceivedMetricPoint[] = [];
  for (const type of METRIC_TYPES) {
    const data = messageField(m[type], `${METRICS}.Metric.${type}`);
    // Every data message sent is read (and may fail the request); the last one is the Metric's.
    if (data !== undefined) points = pointsOf(type, data, metric);
  }
  attributesField(m.metadata, METRIC_METADATA, 4);
  return points;
}

/** The points of a parsed OTLP/JSON metrics export request, in request order. */
export function metricPointsFromJson(request: Json): ReceivedMetricPoint[] {
  const points: ReceivedMetricPoint[] = [];
  const resourceMetricsList = listField(request.resourceMetrics, REQUEST_RESOURCE_METRICS) ?? [];
  for (let r = 0; r < resourceMetricsList.length; r++) {
    const resourceMetrics = elementOf(resourceMetricsList, r, REQUEST_RESOURCE_METRICS);
    const resource = resourceField(resourceMetrics.resource, RESOURCE_METRICS_RESOURCE, 2);
    const scopeMetricsList =
      listField(resourceMetrics.scopeMetrics, RESOURCE_METRICS_SCOPE_METRICS) ?? [];
    for (let c = 0; c < scopeMetricsList.length; c++) {
      const scopeMetrics = elementOf(scopeMetricsList, c, RESOURCE_METRICS_SCOPE_METRICS);
      const scope = scopeField(scopeMetrics.scope, SCOPE_METRICS_SCOPE, 3);
      const metricList = listField(scopeMetrics.metrics, SCOPE_METRICS_METRICS) ?? [];
      for (let i = 0; i < metricList.length; i++) {
        const metric = elementOf(metricList, i, SCOPE_METRICS_METRICS);
        for (const point of metricPoints(metric, resource, scope)) points.push(point);
      }
      checkUnreported(scopeMetrics.schemaUrl, 'string');
    }
    checkUnreported(resourceMetrics.schemaUrl, 'string');
  }
  return points;
}
