import type { InstrumentationName, PropagatorName, TelemetryConfigOptions } from '../types.js';
import type { EnvReader } from './env-reader.js';
import { EXPECTED, INSTRUMENTATIONS, PROPAGATORS } from './fields.js';

/** The known entries of a comma list, lower-cased, first occurrence kept; unknown ones reported. */
function knownEntries<T extends string>(
  r: EnvReader,
  name: string,
  value: string,
  values: readonly T[],
): T[] {
  const known: T[] = [];
  for (const raw of value.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    const found = values.find((candidate) => candidate === entry);
    if (found === undefined) r.reject(name, entry, EXPECTED.oneOf(values));
    else if (!known.includes(found)) known.push(found);
  }
  return known;
}

/**
 * `OTEL_TRACES_EXPORTER` / `OTEL_METRICS_EXPORTER` / `OTEL_LOGS_EXPORTER`: a comma list, every
 * known exporter kept in order (duplicates once), as NodeSDK reads them. `none` beside others
 * still means none, with a warning: NodeSDK does so for metrics and logs (for traces it falls
 * back to `otlp` when `none` is not first), and sending nothing is the safe reading of a list
 * that asks for nothing.
 */
export function readExporter<T extends string>(
  r: EnvReader,
  name: string,
  values: readonly T[],
): T[] | undefined {
  const value = r.raw(name);
  if (value === undefined) return undefined;
  const known = knownEntries(r, name, value, values);
  if (known.includes('none' as T)) {
    if (known.length > 1) r.reject(name, value, '"none" alone (using none: nothing is exported)');
    return ['none' as T];
  }
  return known.length > 0 ? known : undefined;
}

/** `OTEL_PROPAGATORS`: unknown entries are reported and skipped; `none` means no propagator. */
export function readPropagators(r: EnvReader, name: string): PropagatorName[] | undefined {
  const value = r.raw(name);
  if (value === undefined) return undefined;
  const known = knownEntries(r, name, value, PROPAGATORS);
  if (known.includes('none')) {
    if (known.length > 1) r.reject(name, value, '"none" alone (using none)');
    return ['none'];
  }
  return known.length > 0 ? known : undefined;
}

/**
 * `OTEL_NODE_ENABLED_INSTRUMENTATIONS` and `OTEL_NODE_DISABLED_INSTRUMENTATIONS`, comma lists of
 * instrumentation names as `@opentelemetry/auto-instrumentations-node` spells them (`http`,
 * `runtime-node`): the first enables, the second disables, and disabled wins for a name in both.
 * Unknown names are reported and skipped.
 */
export function readInstrumentations(r: EnvReader): TelemetryConfigOptions['instrumentations'] {
  const settings: Partial<Record<InstrumentationName, { enabled: boolean }>> = {};
  const apply = (name: string, enabled: boolean) => {
    const value = r.raw(name);
    if (value === undefined) return;
    for (const entry of knownEntries(r, name, value, INSTRUMENTATIONS))
      settings[entry] = { enabled };
  };
  apply('OTEL_NODE_ENABLED_INSTRUMENTATIONS', true);
  apply('OTEL_NODE_DISABLED_INSTRUMENTATIONS', false);
  return settings;
}
