import * as grpc from '@grpc/grpc-js';
import type { OtlpReceiver } from '../../src/index.js';

export interface GrpcExportResult {
  error: grpc.ServiceError | null;
  response?: Buffer;
}

/** A raw gRPC client for `receiver`: requests go out as the given bytes, unchecked. */
export function grpcClient(receiver: OtlpReceiver): grpc.Client {
  return new grpc.Client(
    receiver.grpcUrl.replace('http://', ''),
    grpc.credentials.createInsecure(),
  );
}

/** One unary call to `path` with an already-encoded request; never rejects. */
export function grpcExport(
  client: grpc.Client,
  path: string,
  bytes: Uint8Array,
): Promise<GrpcExportResult> {
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      path,
      (b: Uint8Array) => Buffer.from(b),
      (b: Buffer) => b,
      bytes,
      { deadline: Date.now() + 5000 },
      (error, response) => resolve({ error, response }),
    );
  });
}
