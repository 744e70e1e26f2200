// `@opentelemetry/otlp-grpc-exporter-base` (and through it `@grpc/grpc-js`) is an optional peer
// dependency: an HTTP-only install does not have it, and only a `grpc` export loads it.

/** The module, as this package uses it. */
export type GrpcExporterBase = typeof import('@opentelemetry/otlp-grpc-exporter-base');

/** The optional peer dependency that OTLP/gRPC needs. */
export const GRPC_EXPORTER_BASE = '@opentelemetry/otlp-grpc-exporter-base';

let loading: Promise<GrpcExporterBase> | undefined;

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND';
}

/**
 * Loads `@opentelemetry/otlp-grpc-exporter-base` once.
 * @param optionPath where the `ExportConfig` sits (`traces.export`), named by the error.
 * @throws Error naming the option and the package to install when it is not installed.
 */
export function loadGrpcExporterBase(optionPath: string): Promise<GrpcExporterBase> {
  loading ??= import('@opentelemetry/otlp-grpc-exporter-base');
  return loading.catch((error: unknown) => {
    loading = undefined;
    if (!isModuleNotFound(error)) throw error;
    throw new Error(
      `@proc/telemetry-otlp: ${optionPath}.protocol is "grpc", which needs the optional peer dependency ${GRPC_EXPORTER_BASE} (it brings @grpc/grpc-js); install it (npm install ${GRPC_EXPORTER_BASE}@^0.223.0) or use protocol "http/protobuf"`,
      { cause: error },
    );
  });
}
