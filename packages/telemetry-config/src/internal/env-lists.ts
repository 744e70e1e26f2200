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
 * `OTEL_TRACES_EXPORTER` / `OTEL_METRICS_EXPORTER`. The specification allows a list; this
 * package drives one exporter per signal, so `none` anywhere wins, else the first known entry.
 */
export function readExporter<T extends string>(
  r: EnvReader,
  name: string,
  values: readonly T[],
): T | undefined {
  const value = r.raw(name);
  if (value === undefined) return undefined;
  const known = knownEntries(r, name, value, values);
  if (known.includes('none' as T)) return 'none' as T;
  if (known.length > 1) {
    r.reject(name, value, `a single exporter (using "${known[0]}")`);
  }
  return known[0];
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
