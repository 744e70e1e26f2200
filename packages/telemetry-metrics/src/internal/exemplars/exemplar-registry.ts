import type { Meter } from '@opentelemetry/api';
import type { MeterExemplars } from './meter-exemplars.js';

// Meters of a provider that exports exemplars, as its getMeter() returned them. A WeakMap, so a
// meter nobody holds any more is collected with its reservoirs.
const registry = new WeakMap<Meter, MeterExemplars>();

/** Marks `meter` as one whose counter and histogram measurements are offered to `exemplars`. */
export function registerMeterExemplars(meter: Meter, exemplars: MeterExemplars): void {
  registry.set(meter, exemplars);
}

/**
 * The exemplar reservoirs of `meter`, or `undefined` when its provider does not export
 * exemplars (another SDK setup, the no-op meter, `exemplarFilter: 'always_off'`).
 */
export function meterExemplarsFor(meter: Meter): MeterExemplars | undefined {
  return registry.get(meter);
}
