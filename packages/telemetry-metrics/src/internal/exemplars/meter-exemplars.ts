import {
  type Attributes,
  context,
  isSpanContextValid,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import type { ExemplarFilterName } from '@proc/telemetry-config';
import { attributesKey } from './attributes-key.js';
import { nowOnSpanClock } from './span-clock.js';
import type {
  ExemplarInstrumentKind,
  RecordedExemplar,
  TakenInstrumentExemplars,
} from './types.js';

/**
 * Most series per instrument that keep exemplars between two exports. Past it, measurements of
 * new series get none until the next export takes the kept ones; known series keep updating.
 */
export const EXEMPLAR_SERIES_LIMIT = 100;

/** The filters that keep anything; `always_off` never creates a reservoir. */
export type ActiveExemplarFilter = Exclude<ExemplarFilterName, 'always_off'>;

interface SeriesExemplars {
  latest: RecordedExemplar;
  /** Histograms only: the largest measurement, so a latency spike keeps its trace. */
  max?: RecordedExemplar;
}

interface InstrumentReservoir {
  readonly series: Map<string, SeriesExemplars>;
  // The recorder passes its frozen common-attributes object again and again: its key is cached.
  lastAttributes?: Attributes;
  lastKey: string;
}

/** The exemplar reservoirs of one meter, one per counter or histogram. */
export interface MeterExemplars {
  /**
   * Offers a measurement that was just recorded: kept when the SDK accepted it (it is not
   * negative) and the filter lets it through (for `trace_based`, a sampled span is active). With `copyAttributes`, a kept exemplar holds a
   * copy of `attributes` (an object the application owns and may change); otherwise the object
   * itself, which must not change afterwards.
   */
  offer(
    instrument: string,
    kind: ExemplarInstrumentKind,
    value: number,
    attributes: Attributes,
    copyAttributes: boolean,
  ): void;
  /** The exemplars kept since the previous call, by instrument; empties the reservoirs. */
  take(): TakenInstrumentExemplars;
}

function seriesKey(reservoir: InstrumentReservoir, attributes: Attributes): string {
  if (reservoir.lastAttributes !== attributes) {
    reservoir.lastKey = attributesKey(attributes);
    reservoir.lastAttributes = attributes;
  }
  return reservoir.lastKey;
}

/**
 * Creates the reservoirs of one meter. Per series (instrument and attribute set) a counter keeps
 * its latest exemplar and a histogram its latest and its largest, at most
 * {@link EXEMPLAR_SERIES_LIMIT} series per instrument between two exports.
 */
export function createMeterExemplars(filter: ActiveExemplarFilter): MeterExemplars {
  const reservoirs = new Map<string, InstrumentReservoir>();

  return {
    offer(instrument, kind, value, recorded, copyAttributes) {
      // The SDK drops negative counter and histogram values (with a diag warning): no exemplar.
      if (value < 0) return;
      // https://opentelemetry.io/docs/specs/otel/metrics/sdk/#exemplarfilter
      const span = trace.getSpan(context.active());
      const spanContext = span?.spanContext();
      // The sampled bit first: it is cheaper than the id checks and ends most unsampled calls.
      const sampled =
        spanContext !== undefined && (spanContext.traceFlags & TraceFlags.SAMPLED) !== 0;
      if (filter === 'trace_based' && !sampled) return;
      const valid = spanContext !== undefined && isSpanContextValid(spanContext);
      if (filter === 'trace_based' && !valid) return;
      const attributes = copyAttributes ? { ...recorded } : recorded;
      // The span's own clock, so the exemplar lies within the span it points to.
      const time = nowOnSpanClock(span);
      const exemplar: RecordedExemplar = valid
        ? { value, time, traceId: spanContext.traceId, spanId: spanContext.spanId, attributes }
        : { value, time, attributes };

      let reservoir = reservoirs.get(instrument);
      if (reservoir === undefined) {
        reservoir = { series: new Map(), lastKey: '' };
        reservoirs.set(instrument, reservoir);
      }
      // The application may change its own object between calls: no key cached for it.
      const key = copyAttributes ? attributesKey(recorded) : seriesKey(reservoir, recorded);
      const kept = reservoir.series.get(key);
      if (kept === undefined) {
        if (reservoir.series.size >= EXEMPLAR_SERIES_LIMIT) return;
        reservoir.series.set(
          key,
          kind === 'histogram' ? { latest: exemplar, max: exemplar } : { latest: exemplar },
        );
        return;
      }
      kept.latest = exemplar;
      if (kind === 'histogram' && (kept.max === undefined || value > kept.max.value)) {
        kept.max = exemplar;
      }
    },

    take() {
      const taken = new Map<string, RecordedExemplar[]>();
      for (const [instrument, reservoir] of reservoirs) {
        if (reservoir.series.size === 0) continue;
        const exemplars: RecordedExemplar[] = [];
        for (const { latest, max } of reservoir.series.values()) {
          if (max !== undefined && max !== latest) exemplars.push(max);
          exemplars.push(latest);
        }
        reservoir.series.clear();
        taken.set(instrument, exemplars);
      }
      return taken;
    },
  };
}
