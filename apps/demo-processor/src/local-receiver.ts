import { type OtlpReceiver, startOtlpReceiver } from '@proc/telemetry-testing';

/**
 * No-collector mode: a real OTLP receiver in this process, on the standard ports
 * 127.0.0.1:4317 (gRPC) and :4318 (HTTP) when they are free, else on free ports.
 */
export async function startLocalReceiver(
  preferred: { grpcPort: number; httpPort: number } = { grpcPort: 4317, httpPort: 4318 },
): Promise<OtlpReceiver> {
  try {
    return await startOtlpReceiver({ host: '127.0.0.1', ...preferred });
  } catch {
    // Taken (an otlp-receiver or a collector already runs): gRPC reports it as "No address
    // added", HTTP as EADDRINUSE. Free ports work whatever the cause; a real failure repeats.
    return startOtlpReceiver({ host: '127.0.0.1', grpcPort: 0, httpPort: 0 });
  }
}

/** The endpoint the exporters should use for the configured protocol. */
export function receiverEndpoint(receiver: OtlpReceiver, protocol: string | undefined): string {
  return protocol === 'grpc' ? receiver.grpcUrl : receiver.httpUrl;
}
