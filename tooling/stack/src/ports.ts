import { StackError } from './stack-error.js';

/**
 * Every port of the native stack, in one place. infra/otel-collector.yaml and infra/jaeger.yaml
 * take them through ${env:VAR} (see `serviceSpecs()`), Prometheus through its target files.
 */
export interface StackPorts {
  /** Collector OTLP/gRPC receiver: where apps send (`OTEL_EXPORTER_OTLP_PROTOCOL=grpc`). */
  collectorOtlpGrpc: number;
  /** Collector OTLP/HTTP receiver: where apps send (`http/protobuf`, `http/json`). */
  collectorOtlpHttp: number;
  /** Collector Prometheus exporter: the processor.* metrics Prometheus scrapes. */
  collectorPrometheus: number;
  /** Collector's own otelcol_* metrics. */
  collectorTelemetry: number;
  /** Collector health_check extension. */
  collectorHealth: number;
  /** Jaeger OTLP/gRPC receiver (the collector's `otlp_grpc/jaeger` exporter sends here). */
  jaegerOtlpGrpc: number;
  /** Jaeger query API and UI. */
  jaegerQueryHttp: number;
  /** Jaeger query gRPC API. */
  jaegerQueryGrpc: number;
  /** Jaeger healthcheckv2 extension. */
  jaegerHealth: number;
  /** Prometheus UI and API. */
  prometheus: number;
  /** Kafka broker (PLAINTEXT): the bootstrap address of `pnpm demo --broker kafka://…`. */
  kafka: number;
  /** Kafka's KRaft controller listener (the broker is its own controller). */
  kafkaController: number;
  /** The chain relay's HTTP server (apps/chain-relay, on the OpenTelemetry Python SDK). */
  relayHttp: number;
}

/**
 * The ports of the compose stack where compose publishes them (infra/docker-compose.yaml), so
 * apps and docs use one set of addresses either way. Jaeger's OTLP and health ports differ
 * from the compose ones: natively they share the host with the collector's 4317 and 13133.
 */
export const DEFAULT_PORTS: Readonly<StackPorts> = Object.freeze({
  collectorOtlpGrpc: 4317,
  collectorOtlpHttp: 4318,
  collectorPrometheus: 8889,
  collectorTelemetry: 8888,
  collectorHealth: 13133,
  jaegerOtlpGrpc: 14317,
  jaegerQueryHttp: 16686,
  jaegerQueryGrpc: 16685,
  jaegerHealth: 13134,
  prometheus: 9090,
  kafka: 9092,
  kafkaController: 9093,
  relayHttp: 8099,
});

/** Moves every port by the same amount, to run a second stack beside the first. */
export const PORT_OFFSET_ENV = 'PROC_STACK_PORT_OFFSET';

/** Largest offset that keeps every default port below 65536. */
const MAX_OFFSET = 65_535 - Math.max(...Object.values(DEFAULT_PORTS));

/** The default ports moved by `offset`. */
export function portsWithOffset(offset: number): StackPorts {
  const moved = {} as StackPorts;
  for (const [name, port] of Object.entries(DEFAULT_PORTS))
    moved[name as keyof StackPorts] = port + offset;
  return moved;
}

/** `PROC_STACK_PORT_OFFSET` as a number (0 when unset). */
export function readPortOffset(env: Record<string, string | undefined> = process.env): number {
  const raw = env[PORT_OFFSET_ENV]?.trim();
  if (!raw) return 0;
  const offset = Number(raw);
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    throw new StackError(
      `${PORT_OFFSET_ENV} must be a whole number from 0 to ${MAX_OFFSET}, got "${raw}".`,
    );
  }
  return offset;
}
