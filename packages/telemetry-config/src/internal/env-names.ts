import type { TelemetryConfigOptions } from '../types.js';
import type { Signal } from './merge-layers.js';
import { getAt } from './plain.js';

/** The environment variable suffix of each TLS field (`OTEL_EXPORTER_OTLP_CERTIFICATE`, ...). */
export const TLS_SUFFIX = {
  certificateFile: 'CERTIFICATE',
  clientKeyFile: 'CLIENT_KEY',
  clientCertificateFile: 'CLIENT_CERTIFICATE',
} as const;

/** `OTEL_EXPORTER_OTLP_<suffix>`, or `OTEL_EXPORTER_OTLP_TRACES_<suffix>` with `signal`. */
export function exportVariable(suffix: string, signal?: Signal): string {
  return signal === undefined
    ? `OTEL_EXPORTER_OTLP_${suffix}`
    : `OTEL_EXPORTER_OTLP_${signal.toUpperCase()}_${suffix}`;
}

/**
 * Whether the value at `path` under `signal`'s export was set per signal in `options` (the
 * env layer: `OTEL_EXPORTER_OTLP_TRACES_*`; code or a file: `traces.export.*`) rather than by
 * the generic `OTEL_EXPORTER_OTLP_*` / `export.*`.
 */
export function setPerSignal(
  options: TelemetryConfigOptions | undefined,
  signal: Signal,
  path: readonly string[],
): boolean {
  return getAt(options, [signal, 'export', ...path]) !== undefined;
}
