// Turns decoded protobuf export requests (protobufjs message instances, straight from `decode`)
// into the friendly records the receiver stores. It reads what `toObject` used to give it without
// the copy. A field absent from the wire reads as its prototype default, which flattens like a
// missing one; where the two could differ (the oneofs, `sum`/`min`/`max`) a field counts only
// when the message has it itself, as toObject's check was. 64-bit integers go from the Long to a
// bigint or number directly instead of through a decimal string.
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
} from './types.js';

// biome-ignore lint/suspicious/noExplicitAny: decoded protobuf objects are untyped
type Obj = Record<string, any>;

/** The 64-bit integers protobufjs decodes to (long.js instances). */
interface Long {
  low: number;
  high: number;
  unsigned: boolean;
  toBigInt(): bigint;
}

const objectHasOwnProperty = Object.prototype.hasOwnProperty;
const list = (value: unknown): Obj[] => (Array.isArray(value) ? (value as Obj[]) : []);

/**
 * A field as `toObject` reported it: set on the message itself, not just its prototype default.
 * Needed where "sent as the default" and "not sent" flatten differently.
 */
function own(message: Obj, key: string): unknown {
  const value = message[key];
  return value != null && objectHasOwnProperty.call(message, key) ? value : undefined;
}

/** Bytes to lower-case hex; `''` for absent or empty. */
export function toHex(bytes: unknown): string {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return '';
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** A decoded 64-bit integer (a Long, or a number without long.js) as a bigint. */
function bigintOf(value: Long | number): bigint {
  return typeof value === 'number' ? BigInt(value) : value.toBigInt();
}

/** A `fixed64` time in nanoseconds; 0n when absent. */
function nanos(value: unknown): bigint {
  return value == null ? 0n : bigintOf(value as Long | number);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

/**
 * An int64 as a number, or a bigint when it does not fit safely: the rule for attributes, metric
 * values and exemplar values alike.
 */
function int64(value: unknown): number | bigint {
  const long = value as Long;
  // Values that fit in 32 bits, the usual case, without a bigint.
  if (
    typeof value === 'object' &&
    (long.high === 0 ? long.low >= 0 : long.high === -1 && long.low < 0 && !long.unsigned)
  ) {
    return long.low;
  }
  const big = bigintOf(value as Long | number);
  return big <= MAX_SAFE && big >= MIN_SAFE ? Number(big) : big;
}

/** An unsigned 64-bit count as a number; 0 when absent. */
function count(value: unknown): number {
  if (value == null) return 0;
  const long = value as Long;
  if (typeof value === 'object' && long.high === 0) return long.low >>> 0;
  return Number(bigintOf(value as Long | number));
}

const num = (value: unknown): number => (value == null ? 0 : Number(value));

/** Converts an OTLP `AnyValue` into a JS value. */
export function anyValue(value: Obj | undefined | null): unknown {
  if (!value) return undefined;
  // The oneof as toObject reported it: the set field with the highest number.
  const bytes = own(value, 'bytesValue');
  if (bytes !== undefined) return Uint8Array.from(bytes as Uint8Array);
  const kvlist = own(value, 'kvlistValue') as Obj | undefined;
  if (kvlist !== undefined) return attributes(kvlist.values);
  const array = own(value, 'arrayValue') as Obj | undefined;
  if (array !== undefined) return list(array.values).map(anyValue);
  const double = own(value, 'doubleValue');
  if (double !== undefined) return Number(double);
  const int = own(value, 'intValue');
  if (int !== undefined) return int64(int);
  const bool = own(value, 'boolValue');
  return bool !== undefined ? bool : own(value, 'stringValue');
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
/** The `data` oneof of a Metric, highest field number first: the one toObject reported. */
const METRIC_TYPES_BY_FIELD_DESCENDING: readonly MetricType[] = [
  'summary',
  'exponentialHistogram',
  'histogram',
  'sum',
  'gauge',
];

/**
 * The `value` oneof of a number point or an exemplar: `as_int` exact (a bigint beyond the safe
 * range), `as_double` as a number, and which of the two it was.
 */
function numberValue(p: Obj): { value: number | bigint; valueType: NumberValueType } {
  const asInt = own(p, 'asInt');
  return asInt !== undefined
    ? { value: int64(asInt), valueType: 'int' }
    : { value: num(own(p, 'asDouble')), valueType: 'double' };
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
  return { offset: num(raw?.offset), bucketCounts: list(raw?.bucketCounts).map(count) };
}

function histogramOf(type: MetricType, p: Obj): ReceivedHistogram {
  const histogram: ReceivedHistogram = {
    count: count(p.count),
    bucketCounts: [],
    explicitBounds: [],
  };
  const sum = own(p, 'sum');
  const min = own(p, 'min');
  const max = own(p, 'max');
  if (sum !== undefined) histogram.sum = Number(sum);
  if (min !== undefined) histogram.min = Number(min);
  if (max !== undefined) histogram.max = Number(max);
  if (type === 'histogram') {
    histogram.bucketCounts = list(p.bucketCounts).map(count);
    histogram.explicitBounds = list(p.explicitBounds).map(Number);
  } else if (type === 'exponentialHistogram') {
    histogram.scale = num(p.scale);
    histogram.zeroCount = count(p.zeroCount);
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
        const type = METRIC_TYPES_BY_FIELD_DESCENDING.find((name) => own(m, name) !== undefined);
        if (!type) continue;
        const data = m[type] as Obj;
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
