import { isSpanContextValid, ROOT_CONTEXT, type SpanContext, trace } from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import fc from 'fast-check';
import { getBaggage, setBaggage } from '../src/baggage.js';
import { createPropagator } from '../src/create-propagator.js';
import { extractContext } from '../src/extract-context.js';
import { injectContext } from '../src/inject-context.js';
import type { BaggageItem } from '../src/types.js';

const propagator = createPropagator(['tracecontext', 'baggage']);
const extract = (headers: Record<string, string | string[]>) =>
  extractContext(headers, ROOT_CONTEXT, { propagator });
const inject = (ctx = ROOT_CONTEXT) =>
  injectContext<Record<string, string>>({}, ctx, { propagator });

const hex = (length: number) =>
  fc
    .string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length })
    .filter((id) => !/^0+$/.test(id));
// Strings near the grammar find more edge cases than uniform noise.
const headerish = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom(...'0123456789abcdefABff-=,;@ \t%z*/_') }),
  fc
    .tuple(fc.string({ maxLength: 3 }), hex(32), hex(16), fc.string({ maxLength: 4 }))
    .map(([v, t, s, f]) => `${v}-${t}-${s}-${f}`),
);
const spanContext = fc.record({
  traceId: hex(32),
  spanId: hex(16),
  traceFlags: fc.constantFrom(0, 1),
});

const keyChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789_-*/');
const simpleKey = fc
  .tuple(
    fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
    fc.string({ unit: keyChar, maxLength: 20 }),
  )
  .map(([a, b]) => a + b);
const tenantKey = fc
  .tuple(
    simpleKey,
    fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
    fc.string({ unit: keyChar, maxLength: 13 }),
  )
  .map(([tenant, a, b]) => `${tenant}@${a}${b}`);
const valueChar = fc.constantFrom(
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).filter(
    (c) => c !== ',' && c !== '=',
  ),
);
const stateValue = fc
  .tuple(
    fc.string({ unit: valueChar, maxLength: 10 }),
    valueChar.filter((c) => c !== ' '),
  )
  .map(([a, b]) => a + b);
const traceState = fc
  .uniqueArray(fc.tuple(fc.oneof(simpleKey, tenantKey), stateValue), {
    minLength: 1,
    maxLength: 32,
    selector: ([key]) => key,
  })
  .map((members) => members.map(([k, v]) => `${k}=${v}`).join(','))
  .filter((state) => state.length <= 512);

const token = fc.string({
  unit: fc.constantFrom(
    ..."!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
  ),
  minLength: 1,
  maxLength: 12,
});
const metadata = fc.option(
  fc.stringMatching(/^[a-z]{1,5}(=[a-z0-9]{1,5})?(;[a-z]{1,5}(=[a-z0-9]{1,5})?){0,2}$/),
  { nil: undefined },
);
const baggageItems = fc.uniqueArray(
  fc.record({ key: token, value: fc.string({ unit: 'grapheme', maxLength: 20 }), metadata }),
  { maxLength: 20, selector: (item) => item.key },
);

function validOrNone(spanContext: SpanContext | undefined): boolean {
  return spanContext === undefined || isSpanContextValid(spanContext);
}

describe('propagation (property-based)', () => {
  describe('extract', () => {
    it('should never throw nor produce an invalid context from arbitrary headers', () => {
      fc.assert(
        fc.property(headerish, headerish, headerish, (traceparent, tracestate, baggage) => {
          const ctx = extract({ traceparent, tracestate, baggage });
          const extracted = trace.getSpanContext(ctx);
          expect(validOrNone(extracted)).toBe(true);
          // Whatever was extracted can be injected again and yields the same context.
          const again = trace.getSpanContext(extract(inject(ctx)));
          expect(again?.traceId).toBe(extracted?.traceId);
          expect(again?.traceState?.serialize()).toBe(extracted?.traceState?.serialize());
          expect(getBaggage(extract(inject(ctx)))).toEqual(getBaggage(ctx));
        }),
        { numRuns: 2000 },
      );
    });

    it('should never throw on arbitrary multi-valued headers', () => {
      fc.assert(
        fc.property(
          fc.array(headerish, { maxLength: 3 }),
          fc.array(headerish, { maxLength: 3 }),
          (tp, ts) => {
            expect(
              validOrNone(
                trace.getSpanContext(extract({ traceparent: tp, tracestate: ts, baggage: ts })),
              ),
            ).toBe(true);
          },
        ),
      );
    });
  });

  describe('round trip', () => {
    it('should round-trip valid traceparent and tracestate headers exactly', () => {
      fc.assert(
        fc.property(spanContext, traceState, (sc, state) => {
          const traceparent = `00-${sc.traceId}-${sc.spanId}-0${sc.traceFlags}`;
          const extracted = trace.getSpanContext(extract({ traceparent, tracestate: state }));
          expect(extracted).toMatchObject({ ...sc, isRemote: true });
          expect(inject(extract({ traceparent, tracestate: state }))).toEqual({
            traceparent,
            tracestate: state,
          });
        }),
      );
    });

    it('should round-trip valid span contexts exactly', () => {
      fc.assert(
        fc.property(spanContext, traceState, (sc, state) => {
          const ctx = trace.setSpanContext(ROOT_CONTEXT, {
            ...sc,
            traceState: new TraceState(state),
          });
          const back = trace.getSpanContext(extract(inject(ctx)));
          expect({ ...back, traceState: back?.traceState?.serialize() }).toEqual({
            ...sc,
            traceState: state,
            isRemote: true,
          });
        }),
      );
    });

    it('should round-trip baggage of arbitrary Unicode values with metadata', () => {
      fc.assert(
        fc.property(baggageItems, (items) => {
          const expected: BaggageItem[] = items.map(({ key, value, metadata: m }) =>
            m === undefined ? { key, value } : { key, value, metadata: m },
          );
          const back = getBaggage(extract(inject(setBaggage(ROOT_CONTEXT, expected))));
          expect(back).toEqual(expected);
        }),
      );
    });
  });
});
