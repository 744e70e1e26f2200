import {
  OTLPMetricExporterBase,
  type OTLPMetricExporterOptions,
} from '@opentelemetry/exporter-metrics-otlp-http';
import type { OTLPExporterNodeConfigBase } from '@opentelemetry/otlp-exporter-base';
import {
  convertLegacyHttpOptions,
  createOtlpHttpExportDelegate,
} from '@opentelemetry/otlp-exporter-base/node-http';
import {
  convertLegacyOtlpGrpcOptions,
  createOtlpGrpcExportDelegate,
  type OTLPGRPCExporterConfigNode,
} from '@opentelemetry/otlp-grpc-exporter-base';
import { MetricsExporterMetricsHelper } from '@opentelemetry/otlp-transformer';
import type { PushMetricExporter } from '@opentelemetry/sdk-metrics';
import {
  createJsonExemplarSerializer,
  createProtobufExemplarSerializer,
  type MetricsSerializer,
} from './exemplar-metrics-serializers.js';
import type { ExemplarStore } from './exemplar-store.js';

// The exporters' own component types (their semconv.ts), for the self-observability metrics.
const GRPC_COMPONENT_TYPE = 'otlp_grpc_metric_exporter';
const HTTP_COMPONENT_TYPE = 'otlp_http_metric_exporter';

/** The options the SDK's OTLP/gRPC `OTLPMetricExporter` takes. */
export type GrpcMetricExporterOptions = OTLPGRPCExporterConfigNode & OTLPMetricExporterOptions;
/** The options the SDK's OTLP/HTTP `OTLPMetricExporter`s (protobuf and JSON) take. */
export type HttpMetricExporterOptions = OTLPExporterNodeConfigBase & OTLPMetricExporterOptions;

// Each function builds what the 0.223 OTLPMetricExporter constructor of its package builds (same
// delegate, same options conversion, same temporality handling through OTLPMetricExporterBase),
// with the exemplar serializer in place of otlp-transformer's. The conversions are deprecated as
// public API but are what those constructors call.

/** `@opentelemetry/exporter-metrics-otlp-grpc`'s exporter, writing exemplars from `store`. */
export function createGrpcExemplarMetricExporter(
  options: GrpcMetricExporterOptions,
  store: ExemplarStore,
): PushMetricExporter {
  return new OTLPMetricExporterBase(
    createOtlpGrpcExportDelegate(
      convertLegacyOtlpGrpcOptions(options, 'METRICS'),
      createProtobufExemplarSerializer(store),
      GRPC_COMPONENT_TYPE,
      MetricsExporterMetricsHelper,
      undefined,
      'MetricsExportService',
      '/opentelemetry.proto.collector.metrics.v1.MetricsService/Export',
    ),
    options,
  );
}

/** The OTLP/HTTP exporters differ only in their content type and serializer. */
function createHttpExemplarMetricExporter(
  options: HttpMetricExporterOptions,
  contentType: string,
  serializer: MetricsSerializer,
): PushMetricExporter {
  return new OTLPMetricExporterBase(
    createOtlpHttpExportDelegate(
      convertLegacyHttpOptions(options, 'METRICS', 'v1/metrics', { 'Content-Type': contentType }),
      serializer,
      HTTP_COMPONENT_TYPE,
      MetricsExporterMetricsHelper,
      undefined,
    ),
    options,
  );
}

/** `@opentelemetry/exporter-metrics-otlp-proto`'s exporter, writing exemplars from `store`. */
export function createProtoExemplarMetricExporter(
  options: HttpMetricExporterOptions,
  store: ExemplarStore,
): PushMetricExporter {
  return createHttpExemplarMetricExporter(
    options,
    'application/x-protobuf',
    createProtobufExemplarSerializer(store),
  );
}

/** `@opentelemetry/exporter-metrics-otlp-http`'s (JSON) exporter, writing exemplars from `store`. */
export function createJsonExemplarMetricExporter(
  options: HttpMetricExporterOptions,
  store: ExemplarStore,
): PushMetricExporter {
  return createHttpExemplarMetricExporter(
    options,
    'application/json',
    createJsonExemplarSerializer(store),
  );
}
