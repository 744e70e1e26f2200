import { ValueType } from '@opentelemetry/api';
import type { DataPoint, MetricData, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { ExemplarsByPoint } from './point-exemplars.js';
import type { RecordedExemplar } from './types.js';

// OTLP/JSON (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding): ids as hex,
// 64-bit times as decimal strings; values, as otlp-transformer's JSON encoder writes them.

type Json = Record<string, unknown>;

/** An `AnyValue`, by the rules of otlp-transformer's `toAnyValue()` with its JSON encoder. */
function anyValue(value: unknown): Json {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'number') {
    return Number.isInteger(value) ? { intValue: value } : { doubleValue: value };
  }
  if (typeof value === 'boolean') return { boolValue: value };
  if (value instanceof Uint8Array) return { bytesValue: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return { arrayValue: { values: value.map(anyValue) } };
  if (typeof value === 'object' && value !== null) {
    return { kvlistValue: { values: keyValues(value as Json) } };
  }
  return {};
}

function keyValues(attributes: Json): Json[] {
  return Object.keys(attributes).map((key) => ({ key, value: anyValue(attributes[key]) }));
}

function exemplar(recorded: RecordedExemplar, integer: boolean): Json {
  const [seconds, nanos] = recorded.time;
  const json: Json = {
    filteredAttributes: keyValues(recorded.filteredAttributes),
    timeUnixNano: (
      BigInt(Math.trunc(seconds)) * 1_000_000_000n +
      BigInt(Math.trunc(nanos))
    ).toString(),
  };
  if (integer) json.asInt = Math.trunc(recorded.value);
  else json.asDouble = recorded.value;
  if (recorded.spanId !== undefined) json.spanId = recorded.spanId;
  if (recorded.traceId !== undefined) json.traceId = recorded.traceId;
  return json;
}

const list = (value: unknown): Json[] | undefined =>
  Array.isArray(value) ? (value as Json[]) : undefined;

function notAsExpected(): never {
  throw new Error(
    '@proc/telemetry-metrics: internal error: the encoded request does not hold the collection point for point',
  );
}

function addToMetric(json: Json | undefined, metric: MetricData, exemplars: ExemplarsByPoint) {
  const points = metric.dataPoints as readonly DataPoint<unknown>[];
  if (!points.some((point) => exemplars.has(point))) return;
  if (json?.name !== metric.descriptor.name) notAsExpected();
  const data = (json.sum ?? json.gauge ?? json.histogram ?? json.exponentialHistogram) as
    | Json
    | undefined;
  const jsonPoints = list(data?.dataPoints);
  if (jsonPoints === undefined || jsonPoints.length !== points.length) notAsExpected();
  const integer = metric.descriptor.valueType === ValueType.INT;
  points.forEach((point, index) => {
    const found = exemplars.get(point);
    const jsonPoint = jsonPoints[index];
    if (found !== undefined && jsonPoint !== undefined) {
      jsonPoint.exemplars = found.map((e) => exemplar(e, integer));
    }
  });
}

/**
 * `request`, the OTLP/JSON export request that otlp-transformer's public
 * `JsonMetricsSerializer` encoded for `resourceMetrics`, with `exemplars` added to their data
 * points; nothing else changes (a JSON text that `JSON.stringify` wrote reads back and writes
 * again as the same text). A point is found by its position, checked against the collection.
 * @throws Error when the request does not hold the collection as expected.
 */
export function addJsonExemplars(
  request: Uint8Array,
  resourceMetrics: ResourceMetrics,
  exemplars: ExemplarsByPoint,
): Uint8Array {
  if (exemplars.size === 0) return request;
  const json = JSON.parse(new TextDecoder().decode(request)) as Json;
  const resources = list(json.resourceMetrics);
  const scopes = list(resources?.[0]?.scopeMetrics);
  if (resources?.length !== 1 || scopes?.length !== resourceMetrics.scopeMetrics.length) {
    notAsExpected();
  }
  resourceMetrics.scopeMetrics.forEach(({ metrics }, scopeIndex) => {
    const jsonMetrics = list(scopes[scopeIndex]?.metrics);
    if (jsonMetrics?.length !== metrics.length) notAsExpected();
    metrics.forEach((metric, metricIndex) => {
      addToMetric(jsonMetrics[metricIndex], metric, exemplars);
    });
  });
  return new TextEncoder().encode(JSON.stringify(json));
}
