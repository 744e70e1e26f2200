import { defaultTelemetryConfig, type LogsConfig } from '@proc/telemetry-config';
import type { OtlpReceiver } from '@proc/telemetry-testing';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

export type Protocol = LogsConfig['export']['protocol'];

/** The config package's default `logs` section with `overrides` merged in. */
export function testLogsConfig(overrides: DeepPartial<LogsConfig> = {}): LogsConfig {
  const base = defaultTelemetryConfig().logs;
  return {
    ...base,
    ...overrides,
    export: {
      ...base.export,
      ...overrides.export,
      headers: { ...base.export.headers, ...overrides.export?.headers } as Record<string, string>,
      tls: { ...base.export.tls, ...overrides.export?.tls },
    },
    batch: { ...base.batch, ...overrides.batch },
    limits: { ...base.limits, ...overrides.limits },
  } as LogsConfig;
}

/** A LogsConfig exporting to `receiver` over `protocol`, as `loadConfig()` would resolve it. */
export function receiverLogsConfig(
  receiver: OtlpReceiver,
  protocol: Protocol,
  overrides: DeepPartial<LogsConfig> = {},
): LogsConfig {
  const endpoint = protocol === 'grpc' ? receiver.grpcUrl : `${receiver.httpUrl}/v1/logs`;
  return testLogsConfig({
    ...overrides,
    batch: { scheduledDelayMillis: 50, ...overrides.batch },
    export: { ...overrides.export, protocol, endpoint },
  });
}
