import { OTLPTraceExporter as GrpcTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { OtlpReceiver } from '../../src/index.js';
import type { ExporterProtocol } from './otlp.js';

export type TraceExporterConfig = Pick<
  NonNullable<ConstructorParameters<typeof ProtoTraceExporter>[0]>,
  'compression' | 'timeoutMillis'
>;

/** The SDK's OTLP trace exporter for `protocol`, pointed at `receiver`. */
export function traceExporter(
  protocol: ExporterProtocol,
  receiver: OtlpReceiver,
  config: TraceExporterConfig = {},
): SpanExporter {
  switch (protocol) {
    case 'grpc':
      return new GrpcTraceExporter({ url: receiver.grpcUrl, ...config });
    case 'http/json':
      return new JsonTraceExporter({ url: `${receiver.httpUrl}/v1/traces`, ...config });
    default:
      return new ProtoTraceExporter({ url: `${receiver.httpUrl}/v1/traces`, ...config });
  }
}
