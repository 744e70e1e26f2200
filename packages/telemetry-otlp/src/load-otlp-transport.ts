import type { ExportConfig } from '@proc/telemetry-config';
import { loadGrpcExporterBase } from './internal/grpc-exporter-base.js';

/**
 * Loads, ahead of the first export, what `config.protocol` needs beyond this package:
 * for `grpc` the optional peer dependency `@opentelemetry/otlp-grpc-exporter-base` (and through
 * it `@grpc/grpc-js`); nothing for the HTTP protocols. `initTelemetry()` calls it at start-up so a
 * missing package fails there rather than at each export.
 * @param optionPath where `config` sits in the telemetry configuration (`traces.export`).
 * @throws Error (rejects) naming the option and the package to install when it is missing.
 */
export async function loadOtlpTransport(config: ExportConfig, optionPath: string): Promise<void> {
  if (config.protocol === 'grpc') await loadGrpcExporterBase(optionPath);
}
