// The receiver's flattening of protobufjs toObject output before it read decoded messages directly
// (December 2026), kept as the oracle the direct paths are checked against.
import type {
  MetricType,
  NumberValueType,
  ReceivedAttributes,
  ReceivedExemplar,
  ReceivedHistogram,
  ReceivedLogRecord,
  ReceivedMetricPoint,
  ReceivedScope,
  ReceivedSpan,
  ReceivedSpanEvent,
  ReceivedSpanLink,
  ReceiverProtocol,
} from '../../src/types.js';

// biome-ignore lint/suspicious/noExplicitAny: decoded protobuf objects are untyped
type Obj = Record<string, any>;

const list = (value: unknown): Obj[] => (Array.isArray(value) ? (value as Obj[]) : []);

/** Bytes to lower-case hex; `''` for absent or empty. */
export function toHex(bytes: unknown): string {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return '';
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

function nanos(value: unknown): bigint {
  if (value === undefined || value === null || value === '') return 0n;
  return BigInt(value as string | number);
}

/**
 * An int64 as a number, or a bigint when it does not fit safely: the rule for attributes, metric
 * values and exemplar values alike.
 */
function int64(value: unknown): number | bigint {
  const big = BigInt(value as string | number);
  return big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= BigInt(Number.MIN_SAFE_INTEGER)
    ? Number(big)
    : big;
}

const num = (value: unknown): number => (value === undefined ? 0 : Number(value));

/** Converts an OTLP `AnyValue` into a JS value. */
export function anyValue(value: Obj | undefined | null): unknown {
  if (!value) return undefined;
  switch (value.value) {
    case 'stringValue':
      return value.stringValue;
    case 'boolValue':
      return value.boolValue;
    case 'intValue':
      return int64(value.intValue);
    case 'doubleValue':
      return Number(value.doubleValue);
    case 'arrayValue':
      return list(value.arrayValue?.values).map(anyValue);
    case 'kvlistValue':
      return attributes(value.kvlistValue?.values);
    case 'bytesValue':
      return Uint8Array.from(value.bytesValue as Uint8Array);
    default:
      return undefined;
  }
}

/** Converts a list of OTLP `KeyValue` into a record. */
export function attributes(keyValues: unknown): ReceivedAttributes {
  const result: ReceivedAttributes = {};
  for (const kv of list(keyValues)) result[kv.key ?? ''] = anyValue(kv.value);
  return result;
}

function scope(raw: Obj | undefined): ReceivedScope {
  const result: ReceivedScope = { name: raw?.name ?? '', attributes: attributes(raw?.attributes) };
  if (raw?.version) result.version = raw.version;
  return result;
}

/** The spans of a decoded trace export, plus the count of spans rejected for invalid ids. */
export function flattenTraces(
  request: Obj,
  protocol: ReceiverProtocol,
): { spans: ReceivedSpan[]; rejected: number; error?: string } {
  const spans: ReceivedSpan[] = [];
  let rejected = 0;
  let error: string | undefined;
  for (const rs of list(request.resourceSpans)) {
    const resource = attributes(rs.resource?.attributes);
    for (const ss of list(rs.scopeSpans)) {
      const spanScope = scope(ss.scope);
      for (const s of list(ss.spans)) {
        const traceId = toHex(s.traceId);
        const spanId = toHex(s.spanId);
        if (traceId.length !== 32 || spanId.length !== 16 || /^0+$/.test(traceId + spanId)) {
          rejected++;
          error ??= `span "${s.name ?? ''}" has an invalid trace id or span id`;
          continue;
        }
        const span: ReceivedSpan = {
          traceId,
          spanId,
          flags: num(s.flags),
          name: s.name ?? '',
          kind: Math.max(0, num(s.kind) - 1),
          status: { code: num(s.status?.code) },
          attributes: attributes(s.attributes),
          events: list(s.events).map(
            (e): ReceivedSpanEvent => ({
              name: e.name ?? '',
              timeUnixNano: nanos(e.timeUnixNano),
              attributes: attributes(e.attributes),
            }),
          ),
          links: list(s.links).map((l): ReceivedSpanLink => {
            const link: ReceivedSpanLink = {
              traceId: toHex(l.traceId),
              spanId: toHex(l.spanId),
              attributes: attributes(l.attributes),
            };
            if (l.traceState) link.traceState = l.traceState;
            return link;
          }),
          resource,
          scope: spanScope,
          startTimeUnixNano: nanos(s.startTimeUnixNano),
          endTimeUnixNano: nanos(s.endTimeUnixNano),
          protocol,
        };
        const parent = toHex(s.parentSpanId);
        if (parent) span.parentSpanId = parent;
        if (s.traceState) span.traceState = s.traceState;
        if (s.status?.message) span.status.message = s.status.message;
        spans.push(span);
      }
    }
  }
  return error === undefined ? { spans, rejected } : { spans, rejected, error };
}

const TEMPORALITY = { 1: 'delta', 2: 'cumulative' } as const;

/**
 * The `value` oneof of a number point or an exemplar: `as_int` exact (a bigint beyond the safe
 * range), `as_double` as a number, and which of the two it was.
 */
function numberValue(p: Obj): { value: number | bigint; valueType: NumberValueType } {
  return p.value === 'asInt'
    ? { value: int64(p.asInt), valueType: 'int' }
    : { value: num(p.asDouble), valueType: 'double' };
}

function exemplars(raw: unknown): ReceivedExemplar[] {
  return list(raw).map((e) => {
    const exemplar: ReceivedExemplar = {
      ...numberValue(e),
      attributes: attributes(e.filteredAttributes),
      timeUnixNano: nanos(e.timeUnixNano),
    };
    const traceId = toHex(e.traceId);
    const spanId = toHex(e.spanId);
    if (traceId) exemplar.traceId = traceId;
    if (spanId) exemplar.spanId = spanId;
    return exemplar;
  });
}

function buckets(raw: Obj | undefined) {
  return { offset: num(raw?.offset), bucketCounts: list(raw?.bucketCounts).map(Number) };
}

function histogramOf(type: MetricType, p: Obj): ReceivedHistogram {
  const histogram: ReceivedHistogram = {
    count: num(p.count),
    bucketCounts: [],
    explicitBounds: [],
  };
  if (p.sum !== undefined) histogram.sum = Number(p.sum);
  if (p.min !== undefined) histogram.min = Number(p.min);
  if (p.max !== undefined) histogram.max = Number(p.max);
  if (type === 'histogram') {
    histogram.bucketCounts = list(p.bucketCounts).map(Number);
    histogram.explicitBounds = list(p.explicitBounds).map(Number);
  } else if (type === 'exponentialHistogram') {
    histogram.scale = num(p.scale);
    histogram.zeroCount = num(p.zeroCount);
    histogram.positive = buckets(p.positive);
    histogram.negative = buckets(p.negative);
    histogram.bucketCounts = histogram.positive.bucketCounts;
  } else {
    histogram.quantiles = list(p.quantileValues).map((q) => ({
      quantile: num(q.quantile),
      value: num(q.value),
    }));
  }
  return histogram;
}

/** The points of a decoded metrics export, in request order. */
export function flattenMetrics(request: Obj, protocol: ReceiverProtocol): ReceivedMetricPoint[] {
  const points: ReceivedMetricPoint[] = [];
  for (const rm of list(request.resourceMetrics)) {
    const resource = attributes(rm.resource?.attributes);
    for (const sm of list(rm.scopeMetrics)) {
      const metricScope = scope(sm.scope);
      for (const m of list(sm.metrics)) {
        const type = m.data as MetricType | undefined;
        if (!type) continue;
        const data: Obj = m[type] ?? {};
        const temporality = TEMPORALITY[data.aggregationTemporality as 1 | 2];
        for (const p of list(data.dataPoints)) {
          const point: ReceivedMetricPoint = {
            name: m.name ?? '',
            description: m.description ?? '',
            unit: m.unit ?? '',
            type,
            attributes: attributes(p.attributes),
            exemplars: exemplars(p.exemplars),
            startTimeUnixNano: nanos(p.startTimeUnixNano),
            timeUnixNano: nanos(p.timeUnixNano),
            resource,
            scope: metricScope,
            protocol,
          };
          if (temporality && type !== 'gauge' && type !== 'summary') {
            point.temporality = temporality;
          }
          if (type === 'sum') point.isMonotonic = Boolean(data.isMonotonic);
          if (type === 'sum' || type === 'gauge') {
            const { value, valueType } = numberValue(p);
            point.value = value;
            point.valueType = valueType;
          } else {
            point.histogram = histogramOf(type, p);
          }
          points.push(point);
        }
      }
    }
  }
  return points;
}

/** The log records of a decoded logs export. */
export function flattenLogs(request: Obj, protocol: ReceiverProtocol): ReceivedLogRecord[] {
  const records: ReceivedLogRecord[] = [];
  for (const rl of list(request.resourceLogs)) {
    const resource = attributes(rl.resource?.attributes);
    for (const sl of list(rl.scopeLogs)) {
      const logScope = scope(sl.scope);
      for (const r of list(sl.logRecords)) {
        const record: ReceivedLogRecord = {
          timeUnixNano: nanos(r.timeUnixNano),
          observedTimeUnixNano: nanos(r.observedTimeUnixNano),
          severityNumber: num(r.severityNumber),
          body: anyValue(r.body),
          attributes: attributes(r.attributes),
          flags: num(r.flags),
          resource,
          scope: logScope,
          protocol,
        };
        if (r.severityText) record.severityText = r.severityText;
        const traceId = toHex(r.traceId);
        const spanId = toHex(r.spanId);
        if (traceId) record.traceId = traceId;
        if (spanId) record.spanId = spanId;
        if (r.eventName) record.eventName = r.eventName;
        records.push(record);
      }
    }
  }
  return records;
}
