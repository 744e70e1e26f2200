import { createRequire } from 'node:module';
import { requireOptionalPeer } from '@proc/telemetry-config';

// `@opentelemetry/otlp-grpc-exporter-base` (and through it `@grpc/grpc-js`) is an optional peer
// dependency: an HTTP-only install does not have it, and only a `grpc` export loads it. The ESM
// build gets `createRequire(import.meta.url)` here (tooling/typescript/mark-dist.cjs).
const requireFromHere = createRequire(__filename);

/** The module, as this package uses it. */
export type GrpcExporterBase = typeof import('@opentelemetry/otlp-grpc-exporter-base');

/** The optional peer dependency that OTLP/gRPC needs. */
export const GRPC_EXPORTER_BASE = '@opentelemetry/otlp-grpc-exporter-base';

/**
 * Loads `@opentelemetry/otlp-grpc-exporter-base` (once: `require` keeps it).
 * @param optionPath where the `ExportConfig` sits (`traces.export`), named by the error.
 * @throws Error (rejects) naming the option and the package to install when it is not installed.
 */
export async function loadGrpcExporterBase(optionPath: string): Promise<GrpcExporterBase> {
  const loaded = requireOptionalPeer<GrpcExporterBase>(requireFromHere, GRPC_EXPORTER_BASE);
  if (loaded === undefined) {
    throw new Error(
      `@proc/telemetry-otlp: ${optionPath}.protocol is "grpc", which needs the optional peer dependency ${GRPC_EXPORTER_BASE} (it brings @grpc/grpc-js); install it (npm install ${GRPC_EXPORTER_BASE}@^0.223.0) or use protocol "http/protobuf"`,
    );
  }
  return loaded;
}
