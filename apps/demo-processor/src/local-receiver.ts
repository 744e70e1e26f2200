import { type OtlpReceiver, startOtlpReceiver } from '@proc/telemetry-testing';

/**
 * Records the in-process receiver keeps: the live summary needs only the latest batch trace and
 * metric export, and `--duration 0` runs until Ctrl-C (about 100 spans a second at the default
 * rate), so memory stays flat instead of growing with everything received.
 */
export const LOCAL_RECEIVER_MAX_RECORDS = 20_000;

/**
 * No-collector mode: a real OTLP receiver in this process, on the standard ports
 * 127.0.0.1:4317 (gRPC) and :4318 (HTTP) when they are free, else on free ports.
 */
export async function startLocalReceiver(
  preferred: { grpcPort: number; httpPort: number } = { grpcPort: 4317, httpPort: 4318 },
): Promise<OtlpReceiver> {
  const options = { host: '127.0.0.1', maxRecords: LOCAL_RECEIVER_MAX_RECORDS };
  try {
    return await startOtlpReceiver({ ...options, ...preferred });
  } catch {
    // Taken (an otlp-receiver or a collector already runs): gRPC reports it as "No address
    // added", HTTP as EADDRINUSE. Free ports work whatever the cause; a real failure repeats.
    return startOtlpReceiver({ ...options, grpcPort: 0, httpPort: 0 });
  }
}

/** The endpoint the exporters should use for the configured protocol. */
export function receiverEndpoint(receiver: OtlpReceiver, protocol: string | undefined): string {
  return protocol === 'grpc' ? receiver.grpcUrl : receiver.httpUrl;
}
