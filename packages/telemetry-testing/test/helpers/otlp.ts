import type { HrTime } from '@opentelemetry/api';

/** HrTime to nanoseconds since the epoch. */
export function hrToNanos([seconds, nanos]: HrTime): bigint {
  return BigInt(seconds) * 1_000_000_000n + BigInt(nanos);
}

export type ExporterProtocol = 'http/protobuf' | 'http/json' | 'grpc';

export const PROTOCOLS: ExporterProtocol[] = ['http/protobuf', 'http/json', 'grpc'];

/** A hex id as the bytes protobuf carries. */
export const hexToBytes = (hex: string) => Buffer.from(hex, 'hex');
