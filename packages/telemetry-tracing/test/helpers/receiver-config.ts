import type { TraceConfig } from '@proc/telemetry-config';
import type { OtlpReceiver } from '@proc/telemetry-testing';
import { testTraceConfig } from './test-trace-config.js';

export type Protocol = TraceConfig['export']['protocol'];

/** The endpoint of `receiver` for `protocol`, as `loadConfig()` would resolve it. */
export function receiverEndpoint(receiver: OtlpReceiver, protocol: Protocol): string {
  return protocol === 'grpc' ? receiver.grpcUrl : `${receiver.httpUrl}/v1/traces`;
}

type Overrides = Parameters<typeof testTraceConfig>[0];

/** A TraceConfig exporting to `receiver` over `protocol`, sampling everything. */
export function receiverTraceConfig(
  receiver: OtlpReceiver,
  protocol: Protocol,
  overrides: Overrides = {},
): TraceConfig {
  return testTraceConfig({
    ...overrides,
    sampler: { type: 'always_on', ratio: 1, ...overrides?.sampler },
    batch: { scheduledDelayMillis: 50, ...overrides?.batch },
    export: { ...overrides?.export, protocol, endpoint: receiverEndpoint(receiver, protocol) },
  });
}
