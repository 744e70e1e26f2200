/*
 * Copyright The OpenTelemetry Authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Forked from @opentelemetry/otlp-transformer 0.223.0,
 * build/src/metrics/protobuf/metrics-serializer.js
 * (https://github.com/open-telemetry/opentelemetry-js, experimental/packages/otlp-transformer),
 * translated to TypeScript. The only change: data points get their `exemplars` (NumberDataPoint
 * field 5, HistogramDataPoint field 8, ExponentialHistogramDataPoint field 11), which the
 * original never writes. Everything else must stay byte-identical to the original: the tests
 * compare both outputs. The repeated steps of the original (length-delimited messages, times,
 * optional doubles, packed fields, data point lists) are folded into the helpers below; the
 * order of the writes is the original's.
 */
import { ValueType } from '@opentelemetry/api';
import { hexToBinary } from '@opentelemetry/otlp-transformer/build/src/common/hex-to-binary.js';
import {
  writeAttributes,
  writeHrTimeAsFixed64,
  writeInstrumentationScope,
  writeResource,
} from '@opentelemetry/otlp-transformer/build/src/common/protobuf/common-serializer.js';
import type { IProtobufWriter } from '@opentelemetry/otlp-transformer/build/src/common/protobuf/i-protobuf-writer.js';
import { ProtobufSizeEstimator } from '@opentelemetry/otlp-transformer/build/src/common/protobuf/protobuf-size-estimator.js';
import { ProtobufWriter } from '@opentelemetry/otlp-transformer/build/src/common/protobuf/protobuf-writer.js';
import {
  AggregationTemporality,
  type DataPoint,
  DataPointType,
  type ExponentialHistogram,
  type Histogram,
  type MetricData,
  type ResourceMetrics,
  type ScopeMetrics,
} from '@opentelemetry/sdk-metrics';
import type { ExemplarsByPoint } from './match-exemplars.js';
import type { PointExemplar } from './types.js';

const NO_EXEMPLARS: ExemplarsByPoint = new Map();

/** Writes `field` as a length-delimited message (or packed field) whose content `write` writes. */
function writeMessage(writer: IProtobufWriter, field: number, write: () => void): void {
  writer.writeTag(field, 2);
  const start = writer.startLengthDelimited();
  const startPos = writer.pos;
  write();
  writer.finishLengthDelimited(start, writer.pos - startPos);
}

/** A packed repeated field, skipped when empty. */
function writePacked(
  writer: IProtobufWriter,
  field: number,
  values: readonly number[],
  writeOne: (value: number) => void,
): void {
  if (values.length === 0) return;
  writeMessage(writer, field, () => {
    for (const value of values) writeOne(value);
  });
}

/** A count as fixed64, split into its low and high 32 bits. */
function writeCount(writer: IProtobufWriter, count: number): void {
  writer.writeFixed64(count >>> 0, (count / 0x100000000) >>> 0);
}

/** An optional double field, skipped when undefined. */
function writeOptionalDouble(
  writer: IProtobufWriter,
  field: number,
  value: number | undefined,
): void {
  if (value === undefined) return;
  writer.writeTag(field, 1);
  writer.writeDouble(value);
}

/** An optional string field, skipped when empty. */
function writeOptionalString(
  writer: IProtobufWriter,
  field: number,
  value: string | undefined,
): void {
  if (!value) return;
  writer.writeTag(field, 2);
  writer.writeString(value);
}

/** The value oneof of a number point or an exemplar: `as_int` (field 6) or `as_double`. */
function writeNumberValue(
  writer: IProtobufWriter,
  value: number,
  valueType: ValueType,
  doubleField: number,
): void {
  if (valueType === ValueType.INT) {
    writer.writeTag(6, 1); // sfixed64, wire type 1
    writer.writeSfixed64(value);
  } else {
    writer.writeTag(doubleField, 1); // double, wire type 1
    writer.writeDouble(value);
  }
}

/** start_time_unix_nano (field 2) and time_unix_nano (field 3), fixed64 in every data point. */
function writePointTimes(writer: IProtobufWriter, dataPoint: DataPoint<unknown>): void {
  writer.writeTag(2, 1);
  writeHrTimeAsFixed64(writer, dataPoint.startTime);
  writer.writeTag(3, 1);
  writeHrTimeAsFixed64(writer, dataPoint.endTime);
}

function writePointAttributes(
  writer: IProtobufWriter,
  dataPoint: DataPoint<unknown>,
  field: number,
): void {
  if (dataPoint.attributes) {
    writeAttributes(writer, dataPoint.attributes, field);
  }
}

/** count (field 4, fixed64) and sum (field 5, optional double), the same in both histograms. */
function writeCountAndSum(
  writer: IProtobufWriter,
  histogram: Histogram | ExponentialHistogram,
): void {
  writer.writeTag(4, 1);
  writeCount(writer, histogram.count);
  writeOptionalDouble(writer, 5, histogram.sum);
}

/**
 * Proto fields (Exemplar):
 *   7  filtered_attributes  repeated KeyValue  (wire type 2)
 *   2  time_unix_nano       fixed64            (wire type 1)
 *   3  as_double            double             (wire type 1)
 *   6  as_int               sfixed64           (wire type 1)
 *   4  span_id              bytes              (wire type 2)
 *   5  trace_id             bytes              (wire type 2)
 */
function serializeExemplar(
  writer: IProtobufWriter,
  exemplar: PointExemplar,
  valueType: ValueType,
): void {
  writer.writeTag(2, 1);
  writeHrTimeAsFixed64(writer, exemplar.time);
  writeNumberValue(writer, exemplar.value, valueType, 3);
  if (exemplar.spanId !== undefined) {
    writer.writeTag(4, 2);
    writer.writeBytes(hexToBinary(exemplar.spanId));
  }
  if (exemplar.traceId !== undefined) {
    writer.writeTag(5, 2);
    writer.writeBytes(hexToBinary(exemplar.traceId));
  }
  writeAttributes(writer, exemplar.filteredAttributes, 7);
}

/** The exemplars of `dataPoint`, as repeated `field`. */
function writeExemplars(
  writer: IProtobufWriter,
  field: number,
  dataPoint: DataPoint<unknown>,
  valueType: ValueType,
  exemplars: ExemplarsByPoint,
): void {
  for (const exemplar of exemplars.get(dataPoint) ?? []) {
    writeMessage(writer, field, () => serializeExemplar(writer, exemplar, valueType));
  }
}

/** Writes the content of one data point message. */
type PointSerializer<T> = (
  writer: IProtobufWriter,
  dataPoint: DataPoint<T>,
  valueType: ValueType,
  exemplars: ExemplarsByPoint,
) => void;

/**
 * Serialize a NumberDataPoint directly from SDK DataPoint<number>
 *
 * Proto fields (NumberDataPoint):
 *   7  attributes               repeated KeyValue  (wire type 2)
 *   2  start_time_unix_nano     fixed64            (wire type 1)
 *   3  time_unix_nano           fixed64            (wire type 1)
 *   4  as_double                double             (wire type 1)
 *   6  as_int                   sfixed64           (wire type 1)
 *   5  exemplars                repeated Exemplar  (wire type 2)
 *   8  flags                    uint32             (wire type 0)
 */
const serializeNumberDataPoint: PointSerializer<number> = (
  writer,
  dataPoint,
  valueType,
  exemplars,
) => {
  writePointTimes(writer, dataPoint);
  writeNumberValue(writer, dataPoint.value, valueType, 4);
  writePointAttributes(writer, dataPoint, 7);
  writeExemplars(writer, 5, dataPoint, valueType, exemplars);
};

/**
 * Serialize a HistogramDataPoint directly from SDK DataPoint<Histogram>
 *
 * Proto fields (HistogramDataPoint):
 *   9  attributes               repeated KeyValue  (wire type 2)
 *   2  start_time_unix_nano     fixed64            (wire type 1)
 *   3  time_unix_nano           fixed64            (wire type 1)
 *   4  count                    fixed64            (wire type 1)
 *   5  sum                      optional double    (wire type 1)
 *   6  bucket_counts            repeated fixed64   (packed, wire type 2)
 *   7  explicit_bounds          repeated double    (packed, wire type 2)
 *   8  exemplars                repeated Exemplar  (wire type 2)
 *  10  flags                    uint32             (wire type 0)
 *  11  min                      optional double    (wire type 1)
 *  12  max                      optional double    (wire type 1)
 */
const serializeHistogramDataPoint: PointSerializer<Histogram> = (
  writer,
  dataPoint,
  valueType,
  exemplars,
) => {
  const histogram = dataPoint.value;
  writePointTimes(writer, dataPoint);
  writeCountAndSum(writer, histogram);
  writePacked(writer, 6, histogram.buckets.counts, (count) => writeCount(writer, count));
  writePacked(writer, 7, histogram.buckets.boundaries, (bound) => writer.writeDouble(bound));
  writeExemplars(writer, 8, dataPoint, valueType, exemplars);
  writePointAttributes(writer, dataPoint, 9);
  writeOptionalDouble(writer, 11, histogram.min);
  writeOptionalDouble(writer, 12, histogram.max);
};

/**
 * Serialize ExponentialHistogramDataPoint.Buckets
 *
 * Proto fields (Buckets):
 *   1  offset         sint32           (wire type 0, zigzag)
 *   2  bucket_counts  repeated uint64  (packed, wire type 2)
 */
function serializeExponentialBuckets(
  writer: IProtobufWriter,
  field: number,
  buckets: ExponentialHistogram['positive'],
): void {
  writeMessage(writer, field, () => {
    if (buckets.offset !== 0) {
      writer.writeTag(1, 0);
      writer.writeSint32(buckets.offset);
    }
    writePacked(writer, 2, buckets.bucketCounts, (count) => writer.writeVarint(count));
  });
}

/**
 * Serialize an ExponentialHistogramDataPoint directly from SDK DataPoint<ExponentialHistogram>
 *
 * Proto fields (ExponentialHistogramDataPoint):
 *   1  attributes               repeated KeyValue  (wire type 2)
 *   2  start_time_unix_nano     fixed64            (wire type 1)
 *   3  time_unix_nano           fixed64            (wire type 1)
 *   4  count                    fixed64            (wire type 1)
 *   5  sum                      optional double    (wire type 1)
 *   6  scale                    sint32             (wire type 0, zigzag)
 *   7  zero_count               fixed64            (wire type 1)
 *   8  positive                 Buckets            (wire type 2)
 *   9  negative                 Buckets            (wire type 2)
 *  10  flags                    uint32             (wire type 0)
 *  11  exemplars                repeated Exemplar  (wire type 2)
 *  12  min                      optional double    (wire type 1)
 *  13  max                      optional double    (wire type 1)
 */
const serializeExponentialHistogramDataPoint: PointSerializer<ExponentialHistogram> = (
  writer,
  dataPoint,
  valueType,
  exemplars,
) => {
  const histogram = dataPoint.value;
  writePointAttributes(writer, dataPoint, 1);
  writePointTimes(writer, dataPoint);
  writeCountAndSum(writer, histogram);
  if (histogram.scale !== 0) {
    writer.writeTag(6, 0);
    writer.writeSint32(histogram.scale);
  }
  writer.writeTag(7, 1);
  writeCount(writer, histogram.zeroCount);
  serializeExponentialBuckets(writer, 8, histogram.positive);
  serializeExponentialBuckets(writer, 9, histogram.negative);
  writeExemplars(writer, 11, dataPoint, valueType, exemplars);
  writeOptionalDouble(writer, 12, histogram.min);
  writeOptionalDouble(writer, 13, histogram.max);
};

function toProtoAggregationTemporality(temporality: AggregationTemporality): number {
  switch (temporality) {
    case AggregationTemporality.DELTA:
      return 1;
    case AggregationTemporality.CUMULATIVE:
      return 2;
    default:
      return 0;
  }
}

/**
 * The data message of a metric, as `field`: its points, then what the type adds.
 *
 * Proto fields (Gauge, Sum, Histogram, ExponentialHistogram):
 *   1  data_points               repeated <type>DataPoint  (wire type 2)
 *   2  aggregation_temporality   AggregationTemporality    (wire type 0; not in Gauge)
 *   3  is_monotonic              bool                      (wire type 0; Sum only)
 */
function serializeMetricData<T>(
  writer: IProtobufWriter,
  field: number,
  metricData: MetricData & { dataPoints: DataPoint<T>[] },
  serializePoint: PointSerializer<T>,
  exemplars: ExemplarsByPoint,
): void {
  const { valueType } = metricData.descriptor;
  writeMessage(writer, field, () => {
    for (const dataPoint of metricData.dataPoints) {
      writeMessage(writer, 1, () => serializePoint(writer, dataPoint, valueType, exemplars));
    }
    if (metricData.dataPointType !== DataPointType.GAUGE) {
      const temporality = toProtoAggregationTemporality(metricData.aggregationTemporality);
      if (temporality !== 0) {
        writer.writeTag(2, 0);
        writer.writeVarint(temporality);
      }
    }
    if (metricData.dataPointType === DataPointType.SUM && metricData.isMonotonic) {
      writer.writeTag(3, 0);
      writer.writeVarint(1);
    }
  });
}

/**
 * Serialize a Metric message with its data type
 *
 * Proto fields (Metric):
 *   1  name                     string             (wire type 2)
 *   2  description              string             (wire type 2)
 *   3  unit                     string             (wire type 2)
 *   5  gauge                    Gauge              (wire type 2)
 *   7  sum                      Sum                (wire type 2)
 *   9  histogram                Histogram          (wire type 2)
 *  10  exponential_histogram    ExponentialHist    (wire type 2)
 *  11  summary                  Summary            (wire type 2)
 */
function serializeMetric(
  writer: IProtobufWriter,
  metricData: MetricData,
  exemplars: ExemplarsByPoint,
): void {
  writer.writeTag(1, 2);
  writer.writeString(metricData.descriptor.name);
  writeOptionalString(writer, 2, metricData.descriptor.description);
  writeOptionalString(writer, 3, metricData.descriptor.unit);
  // data oneof - dispatch on DataPointType
  switch (metricData.dataPointType) {
    case DataPointType.GAUGE:
      serializeMetricData(writer, 5, metricData, serializeNumberDataPoint, exemplars);
      break;
    case DataPointType.SUM:
      serializeMetricData(writer, 7, metricData, serializeNumberDataPoint, exemplars);
      break;
    case DataPointType.HISTOGRAM:
      serializeMetricData(writer, 9, metricData, serializeHistogramDataPoint, exemplars);
      break;
    case DataPointType.EXPONENTIAL_HISTOGRAM:
      serializeMetricData(
        writer,
        10,
        metricData,
        serializeExponentialHistogramDataPoint,
        exemplars,
      );
      break;
    default: {
      // Compile-time exhaustiveness check: if a new DataPointType is added,
      // TypeScript will error here until the case is handled.
      const _exhaustive: never = metricData;
      void _exhaustive;
    }
  }
}

/**
 * Serialize ScopeMetrics directly from SDK types
 *
 * Proto fields (ScopeMetrics):
 *   1  scope       InstrumentationScope  (wire type 2)
 *   2  metrics     repeated Metric       (wire type 2)
 *   3  schema_url  string                (wire type 2)
 */
function serializeScopeMetrics(
  writer: IProtobufWriter,
  scopeMetrics: ScopeMetrics,
  exemplars: ExemplarsByPoint,
): void {
  writeInstrumentationScope(writer, scopeMetrics.scope, 1);
  for (const metric of scopeMetrics.metrics) {
    writeMessage(writer, 2, () => serializeMetric(writer, metric, exemplars));
  }
  writeOptionalString(writer, 3, scopeMetrics.scope.schemaUrl);
}

/**
 * Serialize ResourceMetrics directly from SDK types
 *
 * Proto fields (ResourceMetrics):
 *   1  resource       Resource           (wire type 2)
 *   2  scope_metrics  repeated ScopeMetrics  (wire type 2)
 *   3  schema_url     string             (wire type 2)
 */
function serializeResourceMetrics(
  writer: IProtobufWriter,
  resourceMetrics: ResourceMetrics,
  exemplars: ExemplarsByPoint,
): void {
  writeResource(writer, resourceMetrics.resource, 1);
  for (const scopeMetrics of resourceMetrics.scopeMetrics) {
    writeMessage(writer, 2, () => serializeScopeMetrics(writer, scopeMetrics, exemplars));
  }
  writeOptionalString(writer, 3, resourceMetrics.resource.schemaUrl);
}

/**
 * Serializes an ExportMetricsServiceRequest holding `resourceMetrics`, with `exemplars` on
 * their data points.
 */
export function serializeMetricsExportRequest(
  resourceMetrics: ResourceMetrics,
  exemplars: ExemplarsByPoint = NO_EXEMPLARS,
): Uint8Array {
  // resource_metrics (field 1); first pass estimates the size, the second writes.
  const estimator = new ProtobufSizeEstimator();
  writeMessage(estimator, 1, () => serializeResourceMetrics(estimator, resourceMetrics, exemplars));
  const writer = new ProtobufWriter(estimator.pos);
  writeMessage(writer, 1, () => serializeResourceMetrics(writer, resourceMetrics, exemplars));
  return writer.finish();
}
