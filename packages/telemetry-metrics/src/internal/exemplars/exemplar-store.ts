import type { Attributes } from '@opentelemetry/api';
import type { InstrumentationScope } from '@opentelemetry/core';
import { attributesKey } from './attributes-key.js';
import type { ExemplarInstrumentKind, RecordedExemplar } from './types.js';

/**
 * Most series per metric stream that keep exemplars between two collections. Past it,
 * measurements of new series get none until the next collection takes the kept ones; known
 * series keep updating.
 */
export const EXEMPLAR_SERIES_LIMIT = 100;

interface SeriesExemplars {
  latest: RecordedExemplar;
  /** Histograms only: the largest measurement, so a latency spike keeps its trace. */
  max?: RecordedExemplar;
}

/** Series key → exemplars, for one metric stream. */
type StreamExemplars = Map<string, SeriesExemplars>;

/** The exemplars kept since the previous collection, looked up by the points they belong to. */
export interface TakenExemplars {
  /** Whether nothing was kept: the serializers then write the SDK's bytes as they are. */
  readonly empty: boolean;
  /** The exemplars of the point with `attributes` of the metric `name` of `scope`. */
  forPoint(
    scope: InstrumentationScope,
    name: string,
    attributes: Attributes,
  ): readonly RecordedExemplar[] | undefined;
}

/** The exemplar reservoirs of one meter provider. */
export interface ExemplarStore {
  /**
   * Keeps `exemplar` for the point that `pointAttributes` give in the metric stream `name` of
   * the meter with `scope` (see {@link scopeKey}). Per series a histogram keeps its latest and its
   * largest exemplar, the other kinds their latest.
   */
  offer(
    scope: string,
    name: string,
    kind: ExemplarInstrumentKind,
    pointAttributes: Attributes,
    exemplar: RecordedExemplar,
  ): void;
  /** The exemplars kept since the previous call; empties the reservoirs. */
  take(): TakenExemplars;
}

/** The key of a meter's scope, equal for the scope a meter was got with and the exported one. */
export function scopeKey(scope: InstrumentationScope): string {
  // The SDK defaults the version to '' and leaves schemaUrl undefined.
  return JSON.stringify([scope.name, scope.version ?? '', scope.schemaUrl ?? '']);
}

function toTaken(scopes: Map<string, Map<string, StreamExemplars>>): TakenExemplars {
  return {
    empty: scopes.size === 0,
    forPoint(scope, name, attributes) {
      const series = scopes.get(scopeKey(scope))?.get(name)?.get(attributesKey(attributes));
      if (series === undefined) return undefined;
      const { latest, max } = series;
      return max !== undefined && max !== latest ? [max, latest] : [latest];
    },
  };
}

/** Creates the exemplar reservoirs of one meter provider. */
export function createExemplarStore(): ExemplarStore {
  let scopes = new Map<string, Map<string, StreamExemplars>>();
  // Keying a series (sorted keys, JSON) costs as much as the SDK's own hashing of the
  // measurement, so keys are kept for attributes passed again and again: for good for a frozen
  // object (the recorder's common attributes), and for the last other attributes as long as the
  // keys and values are the same, in the same order, whether in the same object (the
  // application may change it) or in a new one (the recorder merges per-call attributes into a
  // new object per measurement).
  const frozenKeys = new WeakMap<Attributes, string>();
  let last: { keys: string[]; values: unknown[]; key: string } | undefined;
  const unchanged = (attributes: Attributes, keys: string[]): boolean => {
    if (last === undefined || keys.length !== last.keys.length) return false;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (key !== last.keys[i] || attributes[key] !== last.values[i]) return false;
    }
    return true;
  };
  const keyOf = (attributes: Attributes): string => {
    if (Object.isFrozen(attributes)) {
      let key = frozenKeys.get(attributes);
      if (key === undefined) {
        key = attributesKey(attributes);
        frozenKeys.set(attributes, key);
      }
      return key;
    }
    const keys = Object.keys(attributes);
    if (last !== undefined && unchanged(attributes, keys)) return last.key;
    const key = attributesKey(attributes);
    last = { keys, values: keys.map((k) => attributes[k]), key };
    return key;
  };

  return {
    offer(scope, name, kind, pointAttributes, exemplar) {
      let streams = scopes.get(scope);
      if (streams === undefined) {
        streams = new Map();
        scopes.set(scope, streams);
      }
      let stream = streams.get(name);
      if (stream === undefined) {
        stream = new Map();
        streams.set(name, stream);
      }
      const key = keyOf(pointAttributes);
      const kept = stream.get(key);
      if (kept === undefined) {
        if (stream.size >= EXEMPLAR_SERIES_LIMIT) return;
        stream.set(
          key,
          kind === 'histogram' ? { latest: exemplar, max: exemplar } : { latest: exemplar },
        );
        return;
      }
      kept.latest = exemplar;
      if (kind === 'histogram' && (kept.max === undefined || exemplar.value > kept.max.value)) {
        kept.max = exemplar;
      }
    },

    take() {
      const taken = toTaken(scopes);
      scopes = new Map();
      return taken;
    },
  };
}
