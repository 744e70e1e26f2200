import { TelemetryConfigError } from '../telemetry-config-error.js';
import type { ConfigSource, ConfigWarning, ExportConfig, TelemetryConfig } from '../types.js';
import { checkExport } from './check-export.js';
import { enforceCrossField } from './cross-field.js';
import { defaultOptions } from './defaults.js';
import { createFindings } from './findings.js';
import { maskSubstituted, substitutedPaths } from './mask-substituted.js';
import {
  type EndpointSetting,
  type Layer,
  mergeLayers,
  SIGNALS,
  type Signal,
} from './merge-layers.js';
import type { PlainObject } from './plain.js';
import { attachRedactedPrinters } from './redaction.js';
import { resolveEndpoint } from './resolve-endpoint.js';
import { markValidated } from './validated-sections.js';

/** A resolved config and where each of its values came from. */
export interface ResolvedLayers {
  config: TelemetryConfig;
  /** Which source set each leaf; a derived value (`traces.enabled`) has its cause's source. */
  sources: Map<string, ConfigSource>;
  /** The setting each signal's endpoint came from; absent when it is the default. */
  endpoints: Map<string, EndpointSetting>;
  /** Values derived from another one (`traces.enabled` from `traces.exporter`): path → cause. */
  causes: Map<string, string>;
}

/** The exporters a list names, each once; `[]` when it says `none`. */
function exporterList<T extends string>(exporter: readonly T[]): T[] {
  if (exporter.includes('none' as T)) return [];
  return [...new Set(exporter)];
}

function setExporter(config: TelemetryConfig, signal: Signal, exporter: string[]): void {
  (config[signal] as { exporter: string[] }).exporter = exporter;
}

/**
 * Merges validated layers over the defaults and derives what depends on the merged result:
 * endpoints (from the final protocol), `enabled` flags, `none` propagators, cross-field
 * limits, and what an exporter could not be built with (a client key without its certificate,
 * headers gRPC cannot send). Environment values among those are reported and ignored; throws
 * `TelemetryConfigError` for code or file values.
 */
export function buildConfig(
  layers: readonly Layer[],
  report: (warning: ConfigWarning) => void,
): TelemetryConfig {
  return resolveLayers(layers, report).config;
}

/** {@link buildConfig}, keeping the source of every value for `explainConfig()`. */
export function resolveLayers(
  layers: readonly Layer[],
  report: (warning: ConfigWarning) => void,
): ResolvedLayers {
  const { values, sources, endpoints } = mergeLayers([
    { source: 'default', options: defaultOptions() },
    ...layers,
  ]);
  const config = values as unknown as TelemetryConfig;
  for (const signal of SIGNALS) {
    // Code and files may name one exporter; the resolved config always holds a list.
    const exporter: unknown = config[signal].exporter;
    if (typeof exporter === 'string') setExporter(config, signal, [exporter]);
  }
  const findings = createFindings(report);
  const resolvedEndpoints = new Map<string, EndpointSetting>();
  const causes = new Map<string, string>();
  for (const signal of SIGNALS) {
    const section = config[signal];
    checkExport(section.export, { signal, sources, layers, findings });
    const { protocol, tls } = section.export;
    const resolved = resolveEndpoint(endpoints[signal], protocol, tls.insecure, signal, findings);
    const at = `${signal}.export.endpoint`;
    if (resolved.setting) {
      resolvedEndpoints.set(at, resolved.setting);
      sources.set(at, resolved.setting.source);
    }
    // Keep the field order of the TelemetryConfig type: endpoint first.
    const rest: Omit<ExportConfig, 'endpoint'> = section.export;
    section.export = { endpoint: resolved.url, ...rest };
    const cause = !section.enabled
      ? undefined
      : config.disabled
        ? 'disabled'
        : section.exporter.length === 0 || section.exporter.includes('none')
          ? `${signal}.exporter`
          : undefined;
    section.exporter = exporterList(section.exporter);
    if (cause !== undefined) {
      section.enabled = false;
      causes.set(`${signal}.enabled`, cause);
      sources.set(`${signal}.enabled`, sources.get(cause) ?? 'default');
    }
  }
  if (config.propagators.includes('none')) config.propagators = [];
  const issues = [...findings.issues, ...enforceCrossField(values as PlainObject, sources, report)];
  if (issues.length > 0) {
    throw new TelemetryConfigError(maskSubstituted(issues, substitutedPaths(layers)));
  }

  // Every layer was validated where it entered (the env reader checks each variable, the schema
  // the code and file layers), so the result is not checked against the schema again here: that
  // would load zod for an app configured by the environment alone. The property test
  // (load-config.property.test.ts) checks every resolved config against the schema instead.
  for (const signal of SIGNALS) markValidated(config[signal]);
  return { config: attachRedactedPrinters(config), sources, endpoints: resolvedEndpoints, causes };
}
