import type { InstrumentationScope } from '@opentelemetry/core';
import {
  type ActiveExemplarFilter,
  createMeterExemplars,
  type MeterExemplars,
} from './meter-exemplars.js';
import type { TakenExemplars, TakenInstrumentExemplars } from './types.js';

/** The exemplar reservoirs of one meter provider, by meter. */
export interface ExemplarStore {
  /** The reservoirs of the meter with this scope, created on first use. */
  forScope(scope: InstrumentationScope): MeterExemplars;
  /** The exemplars kept since the previous call, by scope key; empties the reservoirs. */
  take(): TakenExemplars;
}

/** The key of a meter's scope, equal for the scope a meter was got with and the exported one. */
export function scopeKey(scope: InstrumentationScope): string {
  // The SDK defaults the version to '' and leaves schemaUrl undefined.
  return JSON.stringify([scope.name, scope.version ?? '', scope.schemaUrl ?? '']);
}

/** Creates the store of one meter provider; every meter's reservoirs use `filter`. */
export function createExemplarStore(filter: ActiveExemplarFilter): ExemplarStore {
  const meters = new Map<string, MeterExemplars>();
  return {
    forScope(scope) {
      const key = scopeKey(scope);
      let exemplars = meters.get(key);
      if (exemplars === undefined) {
        exemplars = createMeterExemplars(filter);
        meters.set(key, exemplars);
      }
      return exemplars;
    },
    take() {
      const taken = new Map<string, TakenInstrumentExemplars>();
      for (const [key, exemplars] of meters) {
        const instruments = exemplars.take();
        if (instruments.size > 0) taken.set(key, instruments);
      }
      return taken;
    },
  };
}
