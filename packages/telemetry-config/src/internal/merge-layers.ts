import type { ConfigSource, ExportOptions, TelemetryConfigOptions } from '../types.js';
import { isPlainObject, type PlainObject, plainCopy, setOwn } from './plain.js';

export type Signal = 'traces' | 'metrics' | 'logs';
export const SIGNALS: readonly Signal[] = ['traces', 'metrics', 'logs'];

/** One empty endpoint list per signal. */
const noEndpoints = (): Record<Signal, EndpointSetting[]> => ({
  traces: [],
  metrics: [],
  logs: [],
});

/** One source of options, already validated (or, for env, already filtered). */
export interface Layer {
  source: ConfigSource;
  options: TelemetryConfigOptions;
  /** For a file: paths of the values a `${…}` reference was substituted into. */
  substituted?: ReadonlySet<string>;
}

/** An endpoint as set by a source, before the protocol is known. */
export interface EndpointSetting {
  url: string;
  /** From `traces.export.endpoint` / `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`: used as-is. */
  signalSpecific: boolean;
  source: ConfigSource;
}

export interface MergedLayers {
  /** Every value, highest source winning field by field; endpoints left out. */
  values: PlainObject;
  /** Which source set each leaf (`traces.batch.maxQueueSize` → `env`). */
  sources: Map<string, ConfigSource>;
  /**
   * Every endpoint set for each signal, highest precedence first (by source, then per-signal
   * before generic), so one that does not suit the final protocol gives way to the next.
   */
  endpoints: Record<Signal, EndpointSetting[]>;
}

function mergeInto(
  target: PlainObject,
  source: PlainObject,
  path: string,
  from: ConfigSource,
  sources: Map<string, ConfigSource>,
): void {
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined) continue;
    const at = path === '' ? key : `${path}.${key}`;
    if (isPlainObject(value)) {
      const existing = Object.hasOwn(target, key) ? target[key] : undefined;
      const child = isPlainObject(existing) ? existing : {};
      setOwn(target, key, child);
      mergeInto(child, value, at, from, sources);
    } else {
      setOwn(target, key, plainCopy(value));
      sources.set(at, from);
    }
  }
}

/** Folds the generic `export` section into each signal's; endpoints are taken out. */
function normalize(options: TelemetryConfigOptions, source: ConfigSource) {
  const { export: generic, ...rest } = options;
  const values = plainCopy(rest) as PlainObject;
  const endpoints = noEndpoints();
  for (const signal of SIGNALS) {
    const section = isPlainObject(values[signal]) ? (values[signal] as PlainObject) : {};
    const { endpoint: specificUrl, ...specific } = (section.export ?? {}) as ExportOptions;
    const { endpoint: genericUrl, ...common } = generic ?? {};
    const merged: PlainObject = {};
    mergeInto(merged, common as PlainObject, '', source, new Map());
    mergeInto(merged, specific as PlainObject, '', source, new Map());
    setOwn(section, 'export', merged);
    setOwn(values, signal, section);
    if (specificUrl !== undefined) {
      endpoints[signal].push({ url: specificUrl, signalSpecific: true, source });
    }
    if (genericUrl !== undefined) {
      endpoints[signal].push({ url: genericUrl, signalSpecific: false, source });
    }
  }
  return { values, endpoints };
}

/** Merges layers given lowest precedence first: later layers win field by field. */
export function mergeLayers(layers: readonly Layer[]): MergedLayers {
  const merged: MergedLayers = {
    values: {},
    sources: new Map(),
    endpoints: noEndpoints(),
  };
  for (const layer of layers) {
    const { values, endpoints } = normalize(layer.options, layer.source);
    mergeInto(merged.values, values, '', layer.source, merged.sources);
    for (const signal of SIGNALS) {
      merged.endpoints[signal] = [...endpoints[signal], ...merged.endpoints[signal]];
    }
  }
  return merged;
}
