import type { ExemplarInstrumentKind, RecordedExemplar } from './types.js';

/**
 * The exemplars of one series (one data point) between two collections. A measurement is first
 * offered ({@link SeriesReservoir.offer}, which only counts it and decides), and only one to be
 * kept is timed and built ({@link SeriesReservoir.keep}): most offers then cost a comparison.
 */
export interface SeriesReservoir {
  /** Counts one measurement offered to the series; whether it is to be kept. */
  offer(): boolean;
  /** Keeps `exemplar`, a measurement {@link offer} said is to be kept. */
  keep(exemplar: RecordedExemplar): void;
  /** What is kept: a histogram's largest measurement first, then its latest. */
  kept(): readonly RecordedExemplar[];
}

/** A number in [0, 1), as `Math.random()` returns. */
export type RandomSource = () => number;

/**
 * The specification's `SimpleFixedSizeExemplarReservoir` of size 1, its default, for counters,
 * up-down counters and gauges (https://opentelemetry.io/docs/specs/otel/metrics/sdk/#simplefixedsizeexemplarreservoir):
 * the kept exemplar is a uniformly random one of the measurements offered since the collection
 * began (the n-th replaces it with probability 1/n; the count starts again with each collection,
 * as the store makes new reservoirs then). Instead of a random draw per measurement, the index of
 * the next one to keep is drawn when one is kept: after n measurements the next kept one is past
 * the m-th with probability n/m (the chance that none of the measurements n+1…m replaced it),
 * which is `floor(n / u) + 1` for u uniform in (0, 1] being above m. The same distribution as a
 * draw per measurement, and the measurements in between cost an increment and a comparison.
 */
function createSampledReservoir(random: RandomSource): SeriesReservoir {
  let seen = 0;
  let nextKept = 1;
  let kept: RecordedExemplar | undefined;
  return {
    offer() {
      seen++;
      if (seen < nextKept) return false;
      // 1 - random() is in (0, 1]: never a division by zero; 1 keeps the next one too.
      nextKept = Math.floor(seen / (1 - random())) + 1;
      return true;
    },
    keep(exemplar) {
      kept = exemplar;
    },
    kept: () => (kept === undefined ? [] : [kept]),
  };
}

/**
 * A histogram series keeps its latest and its largest measurement, so a latency spike keeps its
 * trace: every measurement is kept as the latest.
 */
function createHistogramReservoir(): SeriesReservoir {
  let latest: RecordedExemplar | undefined;
  let max: RecordedExemplar | undefined;
  return {
    offer: () => true,
    keep(exemplar) {
      latest = exemplar;
      if (max === undefined || exemplar.value > max.value) max = exemplar;
    },
    kept() {
      if (latest === undefined || max === undefined) return [];
      return max !== latest ? [max, latest] : [latest];
    },
  };
}

/** A new, empty reservoir for a series of an instrument of `kind`. */
export function createSeriesReservoir(
  kind: ExemplarInstrumentKind,
  random: RandomSource,
): SeriesReservoir {
  return kind === 'histogram' ? createHistogramReservoir() : createSampledReservoir(random);
}
