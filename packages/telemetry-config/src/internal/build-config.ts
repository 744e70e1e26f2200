import { formatIssues, TelemetryConfigError } from '../telemetry-config-error.js';
import type { ConfigWarning, ExportConfig, TelemetryConfig } from '../types.js';
import { checkExport } from './check-export.js';
import { enforceCrossField } from './cross-field.js';
import { defaultOptions } from './defaults.js';
import { createFindings } from './findings.js';
import { maskSubstituted, substitutedPaths } from './mask-substituted.js';
import { type Layer, mergeLayers, SIGNALS } from './merge-layers.js';
import type { PlainObject } from './plain.js';
import { attachRedactedPrinters } from './redaction.js';
import { resolveEndpoint } from './resolve-endpoint.js';
import { telemetryConfigSchema } from './schema.js';
import { schemaIssues } from './validate.js';
import { markValidated } from './validated-sections.js';

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
  const { values, sources, endpoints } = mergeLayers([
    { source: 'default', options: defaultOptions() },
    ...layers,
  ]);
  const config = values as unknown as TelemetryConfig;
  const findings = createFindings(report);
  for (const signal of SIGNALS) {
    const section = config[signal];
    checkExport(section.export, { signal, sources, layers, findings });
    const { protocol, tls } = section.export;
    const endpoint = resolveEndpoint(endpoints[signal], protocol, tls.insecure, signal, findings);
    // Keep the field order of the TelemetryConfig type: endpoint first.
    const rest: Omit<ExportConfig, 'endpoint'> = section.export;
    section.export = { endpoint, ...rest };
    section.enabled = section.enabled && section.exporter !== 'none' && !config.disabled;
  }
  if (config.propagators.includes('none')) config.propagators = [];
  const issues = [...findings.issues, ...enforceCrossField(values as PlainObject, sources, report)];
  if (issues.length > 0) {
    throw new TelemetryConfigError(maskSubstituted(issues, substitutedPaths(layers)));
  }

  const problems = schemaIssues(telemetryConfigSchema, config, 'default');
  if (problems.length > 0) {
    // Every layer was validated, so this is a bug here, not a user error.
    throw new Error(
      `@proc/telemetry-config: internal error, resolved an invalid config:\n${formatIssues(problems)}`,
    );
  }
  for (const signal of SIGNALS) markValidated(config[signal]);
  return attachRedactedPrinters(config);
}
