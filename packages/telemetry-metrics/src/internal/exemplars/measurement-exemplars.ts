import {
  type Attributes,
  type Context,
  context,
  isSpanContextValid,
  type Span,
  type SpanContext,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { logger } from '../diag.js';
import { attributesNotIn } from './attributes-key.js';
import type { ExemplarStore, ExemplarStream } from './exemplar-store.js';
import type { MeasurementTap } from './measurement-tap.js';
import { nowOnSpanClock } from './span-clock.js';
import type {
  ActiveExemplarFilter,
  ExemplarInstrumentKind,
  Measure,
  RecordedExemplar,
} from './types.js';

/** An instrument whose measurements are offered as exemplars. */
export interface ExemplarInstrument {
  /** The key of its meter's scope (`scopeKey()`). */
  readonly scope: string;
  readonly name: string;
  readonly kind: ExemplarInstrumentKind;
  /** Created with `valueType: ValueType.INT`: the SDK truncates values to integers. */
  readonly integer: boolean;
  /** The store's stream of its own name: where its points are when no view selects it. */
  readonly stream: ExemplarStream;
}

/** A measurement the filter let through, with the span it was made in, if any. */
export interface AdmittedMeasurement {
  readonly span?: Span;
  /** Valid and, under `trace_based`, sampled. */
  readonly spanContext?: SpanContext;
}

/** Offers the measurements of one meter provider's instruments as exemplars. */
export interface MeasurementExemplars {
  /** The instrument `name` of `kind`, of the meter with the scope key `scope`. */
  instrument(
    scope: string,
    name: string,
    kind: ExemplarInstrumentKind,
    integer: boolean,
  ): ExemplarInstrument;
  /**
   * Whether a measurement made in `ctx` (the active context when absent) passes the filter:
   * `trace_based` (the specification's default) wants a valid, sampled span.
   * https://opentelemetry.io/docs/specs/otel/metrics/sdk/#exemplarfilter
   */
  admit(ctx: Context | undefined): AdmittedMeasurement | undefined;
  /**
   * Calls `measure(value, attributes, ctx)` (the SDK instrument's own `add()` or `record()`) and
   * offers the measurement to the reservoir of every point it went into, which keeps it or not
   * (see `createSeriesReservoir()`); only a kept one is timed. Throws only what `measure` throws.
   */
  record<A extends Attributes>(
    instrument: ExemplarInstrument,
    admitted: AdmittedMeasurement,
    value: number,
    attributes: A | undefined,
    ctx: Context | undefined,
    measure: Measure<A>,
  ): void;
}

const NO_SPAN: AdmittedMeasurement = Object.freeze({});
const NO_ATTRIBUTES: Attributes = Object.freeze({});

/**
 * The value the SDK aggregates for `value`, or `undefined` when it drops it (with its own diag
 * warning): a non-number, a negative counter or histogram value, a non-finite integer value
 * (`@opentelemetry/sdk-metrics` 2.x `SyncInstrument`). A dropped value keeps no exemplar.
 */
function aggregatedValue(instrument: ExemplarInstrument, value: number): number | undefined {
  if (typeof value !== 'number') return undefined;
  if ((instrument.kind === 'counter' || instrument.kind === 'histogram') && value < 0) {
    return undefined;
  }
  if (!instrument.integer) return value;
  const truncated = Math.trunc(value);
  return Number.isInteger(truncated) ? truncated : undefined;
}

/** What {@link MeasurementExemplars.admit} says for a measurement made in `span`. */
function admitSpan(
  filter: ActiveExemplarFilter,
  span: Span | undefined,
): AdmittedMeasurement | undefined {
  const spanContext = span?.spanContext();
  // The sampled bit first: it is cheaper than the id checks and ends most unsampled calls.
  const sampled = spanContext !== undefined && (spanContext.traceFlags & TraceFlags.SAMPLED) !== 0;
  if (filter === 'trace_based' && !sampled) return undefined;
  const valid = spanContext !== undefined && isSpanContextValid(spanContext);
  if (valid) return { span, spanContext };
  return filter === 'always_on' ? NO_SPAN : undefined;
}

function exemplarOf(
  value: number,
  time: RecordedExemplar['time'],
  spanContext: SpanContext | undefined,
  filteredAttributes: Attributes,
): RecordedExemplar {
  return spanContext === undefined
    ? { value, time, filteredAttributes }
    : { value, time, traceId: spanContext.traceId, spanId: spanContext.spanId, filteredAttributes };
}

/**
 * Offers a measurement of `value` (as aggregated) made in `admitted` to the reservoir of its
 * point in `stream`, and keeps it there, timed on its span's clock, when the reservoir takes it.
 */
function offer(
  stream: ExemplarStream,
  pointAttributes: Attributes,
  value: number,
  admitted: AdmittedMeasurement,
  recorded: Attributes,
): void {
  const reservoir = stream.reservoirFor(pointAttributes);
  if (reservoir === undefined || !reservoir.offer()) return;
  // The span's own clock, so the exemplar lies within the span it points to.
  const time = nowOnSpanClock(admitted.span);
  const filtered =
    recorded === pointAttributes ? NO_ATTRIBUTES : attributesNotIn(recorded, pointAttributes);
  reservoir.keep(exemplarOf(value, time, admitted.spanContext, filtered));
}

/** Creates the exemplar offers of one meter provider, kept in `store`. */
export function createMeasurementExemplars(
  filter: ActiveExemplarFilter,
  store: ExemplarStore,
  tap: MeasurementTap,
): MeasurementExemplars {
  // The last span seen and what admit() said for it: a span's context never changes, and the
  // measurements of one span come in runs (a handler's calls), so the id checks (two regular
  // expressions) and the admitted object are not redone per call.
  let lastSpan: Span | undefined;
  let lastAdmitted: AdmittedMeasurement | undefined;

  return {
    instrument(scope, name, kind, integer) {
      return { scope, name, kind, integer, stream: store.streamOf(scope, name, kind) };
    },

    admit(ctx) {
      const span = trace.getSpan(ctx ?? context.active());
      if (span !== undefined && span === lastSpan) return lastAdmitted;
      const admitted = admitSpan(filter, span);
      lastSpan = span;
      lastAdmitted = admitted;
      return admitted;
    },

    record(instrument, admitted, value, attributes, ctx, measure) {
      const aggregated = aggregatedValue(instrument, value);
      if (aggregated === undefined) {
        measure(value, attributes, ctx);
        return;
      }
      const streams = tap.streamsOf(measure, value, attributes, ctx);
      try {
        const recorded = attributes ?? NO_ATTRIBUTES;
        if (streams.length === 0) {
          // No view selected the instrument: its point has the attributes as recorded.
          offer(instrument.stream, recorded, aggregated, admitted, recorded);
          return;
        }
        for (const stream of streams) {
          if (stream.dropped) continue;
          const name = stream.name ?? instrument.name;
          const target =
            name === instrument.name
              ? instrument.stream
              : store.streamOf(instrument.scope, name, instrument.kind);
          offer(target, stream.attributes, aggregated, admitted, recorded);
        }
      } catch (error) {
        // The measurement is recorded; an exemplar is never worth an exception in the app.
        logger.debug('an exemplar could not be kept', error);
      }
    },
  };
}
