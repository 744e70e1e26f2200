import type { OtlpSignal } from '../types.js';

/** What the SDK's OTLP delegates need to know about one signal's service. */
export interface SignalService {
  /** gRPC service name and method path (opentelemetry-proto `collector/<signal>/v1`). */
  grpcName: string;
  grpcPath: string;
  /** The exporters' component types, for the SDK's `otel.sdk.exporter.*` self-metrics. */
  grpcComponentType: string;
  httpComponentType: string;
  /** The SDK's item name in those self-metrics. */
  itemName: 'span' | 'metric_data_point' | 'log';
}

export const SIGNAL_SERVICES: Readonly<Record<OtlpSignal, SignalService>> = {
  traces: {
    grpcName: 'TraceExportService',
    grpcPath: '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
    grpcComponentType: 'otlp_grpc_span_exporter',
    httpComponentType: 'otlp_http_span_exporter',
    itemName: 'span',
  },
  metrics: {
    grpcName: 'MetricsExportService',
    grpcPath: '/opentelemetry.proto.collector.metrics.v1.MetricsService/Export',
    grpcComponentType: 'otlp_grpc_metric_exporter',
    httpComponentType: 'otlp_http_metric_exporter',
    itemName: 'metric_data_point',
  },
  logs: {
    grpcName: 'LogsExportService',
    grpcPath: '/opentelemetry.proto.collector.logs.v1.LogsService/Export',
    grpcComponentType: 'otlp_grpc_log_exporter',
    httpComponentType: 'otlp_http_log_exporter',
    itemName: 'log',
  },
};
