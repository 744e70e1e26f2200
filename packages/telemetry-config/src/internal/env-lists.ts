import type { PropagatorName } from '../types.js';
import type { EnvReader } from './env-reader.js';
import { EXPECTED, PROPAGATORS } from './fields.js';

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
