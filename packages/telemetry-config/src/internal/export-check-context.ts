import type { ConfigSource } from '../types.js';
import { setPerSignal } from './env-names.js';
import type { Findings } from './findings.js';
import type { Layer, Signal } from './merge-layers.js';

/** What the checks of one signal's merged export settings need to know and where they report. */
export interface ExportCheckContext {
  signal: Signal;
  /** Which source set each merged leaf (`traces.export.tls.clientKeyFile` → `env`). */
  sources: Map<string, ConfigSource>;
  layers: readonly Layer[];
  findings: Findings;
}

/** The source that set `path` under the signal's export. */
export function sourceOf(context: ExportCheckContext, path: readonly string[]): ConfigSource {
  return context.sources.get([context.signal, 'export', ...path].join('.')) ?? 'default';
}

/** `traces.export.<path>` if the layer of `source` set it per signal, else `export.<path>`. */
export function optionPath(
  context: ExportCheckContext,
  source: ConfigSource,
  path: readonly string[],
): string {
  const layer = context.layers.find((candidate) => candidate.source === source);
  const perSignal = setPerSignal(layer?.options, context.signal, path);
  return [...(perSignal ? [context.signal] : []), 'export', ...path].join('.');
}

/**
 * The signal whose `OTEL_EXPORTER_OTLP_<SIGNAL>_*` variable set `path`, or `undefined` when the
 * generic `OTEL_EXPORTER_OTLP_*` one did.
 */
export function envSignal(
  context: ExportCheckContext,
  path: readonly string[],
): Signal | undefined {
  const env = context.layers.find((layer) => layer.source === 'env');
  return setPerSignal(env?.options, context.signal, path) ? context.signal : undefined;
}
