import {
  type Context,
  isSpanContextValid,
  type SpanContext,
  type TextMapGetter,
  type TextMapPropagator,
  type TextMapSetter,
  trace,
} from '@opentelemetry/api';
import { isTracingSuppressed } from '@opentelemetry/core';
import { formatTraceParent, parseTraceParent } from './traceparent.js';
import { parseTraceState } from './tracestate.js';

const TRACEPARENT = 'traceparent';
const TRACESTATE = 'tracestate';

function firstOnly(value: string | string[] | undefined): string | undefined {
  if (typeof value === 'string') return value;
  // Two traceparent headers are invalid: the trace restarts.
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') return value[0];
  return undefined;
}

function asList(value: string | string[] | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/**
 * W3C Trace Context (https://w3c.github.io/trace-context/, Level 2 for tracestate keys), closer
 * to the specification than `W3CTraceContextPropagator` from `@opentelemetry/core`:
 * - an invalid tracestate (bad key or value, more than 32 members) is dropped as a whole, where
 *   core keeps the valid members and cuts after 32; a duplicated key keeps its first (left-most)
 *   member, where core keeps the last value;
 * - tracestate keys follow the Level 2 grammar (`@` anywhere after the first character, up to 256
 *   characters), where core's Level 1 grammar drops `foo@` or `t@` + 15 characters;
 * - several traceparent values restart the trace, where core takes the first;
 * - a future version's flags keep only the `sampled` bit, and injection writes only that bit
 *   (core writes `0ff` for flags 0xff, a three-digit field);
 * - tracestate over 512 characters is truncated as the specification describes (long members
 *   first), where core drops whichever member crosses 512 while parsing.
 */
export function createTraceContextPropagator(): TextMapPropagator {
  return {
    inject(context: Context, carrier: unknown, setter: TextMapSetter) {
      const spanContext = trace.getSpanContext(context);
      if (!spanContext || isTracingSuppressed(context) || !isSpanContextValid(spanContext)) return;
      setter.set(
        carrier,
        TRACEPARENT,
        formatTraceParent(spanContext.traceId, spanContext.spanId, spanContext.traceFlags),
      );
      const state = spanContext.traceState
        ? parseTraceState(spanContext.traceState.serialize())?.serialize()
        : undefined;
      if (state) setter.set(carrier, TRACESTATE, state);
    },
    extract(context: Context, carrier: unknown, getter: TextMapGetter) {
      const header = firstOnly(getter.get(carrier, TRACEPARENT));
      const parsed = header === undefined ? undefined : parseTraceParent(header);
      if (!parsed) return context;
      const spanContext: SpanContext = {
        traceId: parsed.traceId,
        spanId: parsed.spanId,
        traceFlags: parsed.traceFlags,
        isRemote: true,
      };
      // Most messages carry no tracestate: nothing to split, validate or truncate then.
      const stateHeader = getter.get(carrier, TRACESTATE);
      const state = stateHeader === undefined ? undefined : parseTraceState(asList(stateHeader));
      if (state) spanContext.traceState = state;
      return trace.setSpanContext(context, spanContext);
    },
    fields() {
      return [TRACEPARENT, TRACESTATE];
    },
  };
}
