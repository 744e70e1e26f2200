import type { OtlpProtocol } from '@proc/telemetry-config';
import type { OtlpReceiver } from '@proc/telemetry-testing';

/** The three OTLP transports every wire test runs over. */
export const PROTOCOLS: OtlpProtocol[] = ['grpc', 'http/protobuf', 'http/json'];

/**
 * `OTEL_*` variables pointing every signal at `receiver` over `protocol`, as a deployment would
 * set them. Batching and the metric interval are long, so only `forceFlush()` / `shutdown()`
 * export: a test sees exactly what those deliver.
 */
export function receiverEnv(
  receiver: OtlpReceiver,
  protocol: OtlpProtocol,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    OTEL_SERVICE_NAME: 'umbrella-wire-test',
    OTEL_EXPORTER_OTLP_ENDPOINT: protocol === 'grpc' ? receiver.grpcUrl : receiver.httpUrl,
    OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
    OTEL_TRACES_SAMPLER: 'always_on',
    OTEL_BSP_SCHEDULE_DELAY: '60000',
    OTEL_BLRP_SCHEDULE_DELAY: '60000',
    OTEL_METRIC_EXPORT_INTERVAL: '60000',
    OTEL_METRIC_EXPORT_TIMEOUT: '5000',
    OTEL_LOG_LEVEL: 'warn',
    ...extra,
  };
}
