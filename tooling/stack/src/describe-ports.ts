import type { StackPorts } from './ports.js';

/** The addresses a user needs, one per line. */
export function describePorts(ports: StackPorts): string {
  const at = (port: number) => `http://127.0.0.1:${port}`;
  return [
    `  OTLP/gRPC      ${at(ports.collectorOtlpGrpc)}   (OTEL_EXPORTER_OTLP_PROTOCOL=grpc)`,
    `  OTLP/HTTP      ${at(ports.collectorOtlpHttp)}   (OTEL_EXPORTER_OTLP_ENDPOINT for http/protobuf, http/json)`,
    `  Jaeger         ${at(ports.jaegerQueryHttp)}/search`,
    `  Prometheus     ${at(ports.prometheus)}/graph`,
    `  Kafka          kafka://127.0.0.1:${ports.kafka}   (pnpm demo --broker kafka://127.0.0.1:${ports.kafka} --workers 2)`,
    `  chain relay    ${at(ports.relayHttp)}/orders   (POST; Python, OpenTelemetry SDK)`,
    `  metrics as the collector exports them  ${at(ports.collectorPrometheus)}/metrics`,
  ].join('\n');
}
