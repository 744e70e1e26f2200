import type { Attributes } from '@opentelemetry/api';
import type { InstrumentationScope } from '@opentelemetry/core';
import { attributesKey } from './attributes-key.js';
import {
  createSeriesReservoir,
  type RandomSource,
  type SeriesReservoir,
} from './exemplar-reservoir.js';
import type { ExemplarInstrumentKind, RecordedExemplar } from './types.js';

/**
 * Most series per metric stream that keep exemplars between two collections. Past it,
 * measurements of new series get none until the next collection takes the kept ones; known
 * series keep updating.
 */
export const EXEMPLAR_SERIES_LIMIT = 100;

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

/** One metric stream of a meter: its series' reservoirs, emptied by each collection. */
export interface ExemplarStream {
  /**
   * The reservoir of the series whose point gets `pointAttributes`, made on first use;
   * `undefined` when the stream already has {@link EXEMPLAR_SERIES_LIMIT} other series.
   */
  reservoirFor(pointAttributes: Attributes): SeriesReservoir | undefined;
}

/** The exemplar reservoirs of one meter provider. */
export interface ExemplarStore {
  /**
   * The metric stream `name` of the meter with `scope` (see {@link scopeKey}), whose series keep
   * the exemplars of an instrument of `kind` (see `createSeriesReservoir()`): the same object
   * for the same scope and name, across collections, so an instrument looks it up once.
   */
  streamOf(scope: string, name: string, kind: ExemplarInstrumentKind): ExemplarStream;
  /** The exemplars kept since the previous call; empties the reservoirs. */
  take(): TakenExemplars;
}

/** Options of {@link createExemplarStore}. */
export interface ExemplarStoreOptions {
  /** Draws the reservoir sampling of counters, up-down counters and gauges; `Math.random`. */
  readonly random?: RandomSource;
}

/** The key of a meter's scope, equal for the scope a meter was got with and the exported one. */
export function scopeKey(scope: InstrumentationScope): string {
  // The SDK defaults the version to '' and leaves schemaUrl undefined.
  return JSON.stringify([scope.name, scope.version ?? '', scope.schemaUrl ?? '']);
}

/** Scope key → stream name → series key → exemplars. */
type TakenMap = Map<string, Map<string, Map<string, readonly RecordedExemplar[]>>>;

function toTaken(scopes: TakenMap): TakenExemplars {
  return {
    empty: scopes.size === 0,
    forPoint(scope, name, attributes) {
      return scopes.get(scopeKey(scope))?.get(name)?.get(attributesKey(attributes));
    },
  };
}

/** A stream, and what the store keeps of it. */
interface StreamState extends ExemplarStream {
  readonly scope: string;
  readonly name: string;
  /** Series key → reservoir, since the previous collection. */
  series: Map<string, SeriesReservoir>;
  /** The frozen attributes object last looked up, and its reservoir (of the same collection). */
  lastFrozen: Attributes | undefined;
  lastReservoir: SeriesReservoir | undefined;
}

/** Creates the exemplar reservoirs of one meter provider. */
export function createExemplarStore(options: ExemplarStoreOptions = {}): ExemplarStore {
  const random = options.random ?? Math.random;
  // Scope key → stream name → stream; streams stay, their series go with each collection.
  const streams = new Map<string, Map<string, StreamState>>();
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
  const keyOf = (attributes: Attributes, frozen: boolean): string => {
    if (frozen) {
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

  const createStream = (scope: string, name: string, kind: ExemplarInstrumentKind) => {
    const stream: StreamState = {
      scope,
      name,
      series: new Map(),
      lastFrozen: undefined,
      lastReservoir: undefined,
      reservoirFor(pointAttributes) {
        // A frozen object cannot change: the one passed again and again (the recorder's common
        // attributes) finds its reservoir without keying.
        if (pointAttributes === stream.lastFrozen) return stream.lastReservoir;
        const frozen = Object.isFrozen(pointAttributes);
        const key = keyOf(pointAttributes, frozen);
        let reservoir = stream.series.get(key);
        if (reservoir === undefined) {
          if (stream.series.size >= EXEMPLAR_SERIES_LIMIT) return undefined;
          reservoir = createSeriesReservoir(kind, random);
          stream.series.set(key, reservoir);
        }
        if (frozen) {
          stream.lastFrozen = pointAttributes;
          stream.lastReservoir = reservoir;
        }
        return reservoir;
      },
    };
    return stream;
  };

  return {
    streamOf(scope, name, kind) {
      let byName = streams.get(scope);
      if (byName === undefined) {
        byName = new Map();
        streams.set(scope, byName);
      }
      let stream = byName.get(name);
      if (stream === undefined) {
        stream = createStream(scope, name, kind);
        byName.set(name, stream);
      }
      return stream;
    },

    take() {
      const taken: TakenMap = new Map();
      for (const byName of streams.values()) {
        for (const stream of byName.values()) {
          if (stream.series.size === 0) continue;
          const series = new Map<string, readonly RecordedExemplar[]>();
          for (const [key, reservoir] of stream.series) {
            const kept = reservoir.kept();
            if (kept.length > 0) series.set(key, kept);
          }
          stream.series = new Map();
          stream.lastFrozen = undefined;
          stream.lastReservoir = undefined;
          if (series.size === 0) continue;
          let byTakenName = taken.get(stream.scope);
          if (byTakenName === undefined) {
            byTakenName = new Map();
            taken.set(stream.scope, byTakenName);
          }
          byTakenName.set(stream.name, series);
        }
      }
      return toTaken(taken);
    },
  };
}
