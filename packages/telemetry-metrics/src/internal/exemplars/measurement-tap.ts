import type { Attributes, Context } from '@opentelemetry/api';
import {
  AggregationType,
  type IAttributesProcessor,
  type ViewOptions,
} from '@opentelemetry/sdk-metrics';
import type { Measure } from './types.js';

/** A metric stream of a view that one measurement went into. */
export interface TappedStream {
  /** The view's name for the stream; `undefined` keeps the instrument's name. */
  readonly name: string | undefined;
  /** The attributes the view's attributes processors left: those of the stream's point. */
  readonly attributes: Attributes;
  /** The view drops the stream: it has no point. */
  readonly dropped: boolean;
}

/**
 * Learns, through the public `ViewOptions.attributesProcessors` seam, which view streams a
 * measurement went into and with which attributes, so an exemplar is kept under exactly the
 * point the SDK aggregates it into: no reimplementation of the SDK's view selection, no guess
 * from attribute subsets.
 */
export interface MeasurementTap {
  /** `views`, each with one more attributes processor, last, that reports to {@link streamsOf}. */
  tapViews(views: readonly ViewOptions[]): ViewOptions[];
  /**
   * Runs `measure(value, attributes, ctx)`, one synchronous measurement on an instrument of the
   * tapped provider, and returns the view streams it went into. Empty when no view selected the
   * instrument: the SDK then aggregates it with the attributes as recorded.
   */
  streamsOf<A extends Attributes>(
    measure: Measure<A>,
    value: number,
    attributes: A | undefined,
    ctx: Context | undefined,
  ): readonly TappedStream[];
}

const NO_STREAMS: readonly TappedStream[] = Object.freeze([]);

/** Creates the tap of one meter provider. */
export function createMeasurementTap(): MeasurementTap {
  // The streams of the measurement being recorded; undefined between measurements, so the
  // processors cost one check for measurements that keep no exemplar and for observations.
  let current: TappedStream[] | undefined;

  const processorFor = (view: ViewOptions): IAttributesProcessor => {
    const name = view.name;
    const dropped = view.aggregation?.type === AggregationType.DROP;
    return {
      // The SDK calls the processors of a view's storage synchronously from `record()`/`add()`,
      // in order: this last one sees the attributes the point gets.
      process(incoming) {
        current?.push({ name, attributes: incoming, dropped });
        return incoming;
      },
    };
  };

  // Without views no processor reports, so streamsOf() need not collect: the common case (the
  // recorder's instruments under the default views), and it runs for every exemplar offered.
  let tapped = false;

  return {
    tapViews(views) {
      if (views.length > 0) tapped = true;
      return views.map((view) => ({
        ...view,
        attributesProcessors: [...(view.attributesProcessors ?? []), processorFor(view)],
      }));
    },
    streamsOf(measure, value, attributes, ctx) {
      if (!tapped) {
        measure(value, attributes, ctx);
        return NO_STREAMS;
      }
      // Saved and restored: a diag logger called from inside the SDK may record a measurement.
      const outer = current;
      const streams: TappedStream[] = [];
      current = streams;
      try {
        measure(value, attributes, ctx);
      } finally {
        current = outer;
      }
      return streams;
    },
  };
}
