import {
  context,
  propagation,
  ROOT_CONTEXT,
  type TextMapPropagator,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { createPropagator } from '../src/create-propagator.js';
import { extractContext, extractFromHeaders } from '../src/extract-context.js';
import { headerGetterSetter } from '../src/header-getter-setter.js';
import { injectContext, injectIntoHeaders } from '../src/inject-context.js';

const spanContext = {
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  traceFlags: 1,
};
const TRACEPARENT = `00-${spanContext.traceId}-${spanContext.spanId}-01`;

describe('injectContext and extractContext', () => {
  beforeEach(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(createPropagator(['tracecontext', 'baggage']));
  });

  afterEach(() => {
    context.disable();
    propagation.disable();
  });

  describe('injectContext', () => {
    it('should use the global propagator and return the carrier', () => {
      const carrier = {};
      expect(injectContext(carrier, trace.setSpanContext(ROOT_CONTEXT, spanContext))).toBe(carrier);
      expect(carrier).toEqual({ traceparent: TRACEPARENT });
    });

    it('should inject into a kafka-style message with Buffer headers', () => {
      const message = {
        value: 'v',
        headers: { existing: Buffer.from('1') } as Record<string, Buffer | string>,
      };
      injectContext(message.headers, trace.setSpanContext(ROOT_CONTEXT, spanContext));
      const wire = Object.fromEntries(
        Object.entries(message.headers).map(([k, v]) => [k, Buffer.from(v)]),
      );
      expect(trace.getSpanContext(extractContext(wire, ROOT_CONTEXT))).toEqual({
        ...spanContext,
        isRemote: true,
      });
    });

    it('should replace every other spelling of the fields it sets, in a record and a list', () => {
      const ctx = propagation.setBaggage(
        trace.setSpanContext(ROOT_CONTEXT, spanContext),
        propagation.createBaggage({ tenant: { value: 'acme' } }),
      );
      const record: Record<string, string> = { TraceParent: 'old', BAGGAGE: 'old', kept: 'x' };
      expect(injectContext(record, ctx)).toEqual({
        kept: 'x',
        traceparent: TRACEPARENT,
        baggage: 'tenant=acme',
      });
      const list = [
        { key: 'Traceparent', value: 'old' },
        { key: 'kept', value: 'x' },
      ];
      expect(injectContext(list, ctx)).toEqual([
        { key: 'kept', value: 'x' },
        { key: 'traceparent', value: TRACEPARENT },
        { key: 'baggage', value: 'tenant=acme' },
      ]);
    });

    it('should leave a null or undefined carrier as it is (a JavaScript caller)', () => {
      const ctx = trace.setSpanContext(ROOT_CONTEXT, spanContext);
      expect(injectContext(null as unknown as Record<string, string>, ctx)).toBeNull();
      expect(injectContext(undefined as unknown as Record<string, string>, ctx)).toBeUndefined();
    });
  });

  describe('injectIntoHeaders', () => {
    it('should inject the active context into new headers', () => {
      const headers = context.with(trace.setSpanContext(ROOT_CONTEXT, spanContext), () =>
        injectIntoHeaders(),
      );
      expect(headers).toEqual({ traceparent: TRACEPARENT });
    });

    it('should keep one spelling of a field set twice into the new headers', () => {
      const twice: TextMapPropagator = {
        inject(_ctx, carrier, setter) {
          setter.set(carrier, 'TraceParent', 'first');
          setter.set(carrier, 'traceparent', TRACEPARENT);
          setter.set(carrier, 'TRACEPARENT', 'last');
        },
        extract: (ctx) => ctx,
        fields: () => ['traceparent'],
      };
      expect(injectIntoHeaders(undefined, { propagator: twice })).toEqual({ TRACEPARENT: 'last' });
    });

    it('should give a nested injectIntoHeaders() its own new headers', () => {
      let inner: Record<string, string> | undefined;
      const nesting: TextMapPropagator = {
        inject(_ctx, carrier, setter) {
          inner = injectIntoHeaders(undefined, { propagator: single });
          setter.set(carrier, 'Baggage', 'outer');
          setter.set(carrier, 'baggage', 'outer2');
        },
        extract: (ctx) => ctx,
        fields: () => ['baggage'],
      };
      const single: TextMapPropagator = {
        inject(_ctx, carrier, setter) {
          setter.set(carrier, 'baggage', 'inner');
        },
        extract: (ctx) => ctx,
        fields: () => ['baggage'],
      };
      expect(injectIntoHeaders(undefined, { propagator: nesting })).toEqual({ baggage: 'outer2' });
      expect(inner).toEqual({ baggage: 'inner' });
    });

    it('should use the options given, not only when there are none', () => {
      const ctx = trace.setSpanContext(ROOT_CONTEXT, spanContext);
      expect(injectIntoHeaders({ kept: 'x' }, { context: ctx })).toEqual({
        kept: 'x',
        traceparent: TRACEPARENT,
      });
      expect(injectIntoHeaders(undefined, { context: ROOT_CONTEXT })).toEqual({});
    });

    it('should inject into given fetch Headers', () => {
      const headers = injectIntoHeaders(new Headers(), {
        context: trace.setSpanContext(ROOT_CONTEXT, spanContext),
      });
      expect(headers.get('traceparent')).toBe(TRACEPARENT);
    });
  });

  describe('extractFromHeaders', () => {
    it('should extract on top of the active context', () => {
      const key = Symbol('k');
      const base = ROOT_CONTEXT.setValue(key, 'kept');
      const extracted = context.with(base, () => extractFromHeaders({ TRACEPARENT }));
      expect(trace.getSpanContext(extracted)?.traceId).toBe(spanContext.traceId);
      expect(extracted.getValue(key)).toBe('kept');
    });

    it('should use the propagator and context of the options given', () => {
      const asked: string[] = [];
      const recording: TextMapPropagator = {
        inject() {},
        extract(ctx, carrier, getter) {
          asked.push(String(getter.get(carrier, 'traceparent')));
          return ctx;
        },
        fields: () => ['traceparent'],
      };
      const base = ROOT_CONTEXT.setValue(Symbol('k'), 1);
      expect(
        extractFromHeaders({ TraceParent: 'tp' }, { propagator: recording, context: base }),
      ).toBe(base);
      expect(asked).toEqual(['tp']);
      expect(extractFromHeaders(null, { context: base })).toBe(base);
    });

    it('should return the context unchanged for missing headers', () => {
      expect(extractFromHeaders(undefined, { context: ROOT_CONTEXT })).toBe(ROOT_CONTEXT);
    });

    it('should combine the baggage of every spelling when the exact lower-case name is there too', () => {
      const ctx = extractFromHeaders(
        { traceparent: TRACEPARENT, baggage: 'a=1', Baggage: 'b=2', BAGGAGE: 'c=3' },
        { context: ROOT_CONTEXT },
      );
      const entries = propagation.getBaggage(ctx)?.getAllEntries();
      expect(entries?.map(([key, entry]) => [key, entry.value])).toEqual([
        ['a', '1'],
        ['b', '2'],
        ['c', '3'],
      ]);
      expect(trace.getSpanContext(ctx)?.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    });

    it('should decode Buffer values as UTF-8', () => {
      const ctx = extractFromHeaders(
        { baggage: Buffer.from('city=Z%C3%BCrich;note=caf\u00e9') },
        { context: ROOT_CONTEXT },
      );
      expect(headerGetterSetter.get({ v: Buffer.from('caf\u00e9 \u{1F600}') }, 'v')).toBe(
        'caf\u00e9 \u{1F600}',
      );
      expect(propagation.getBaggage(ctx)?.getEntry('city')?.value).toBe('Z\u00fcrich');
    });

    it('should not read names a record inherits (only its own headers)', () => {
      const headers = Object.create({ traceparent: TRACEPARENT }) as Record<string, string>;
      headers.host = 'a';
      expect(trace.getSpanContext(extractFromHeaders(headers, { context: ROOT_CONTEXT }))).toBe(
        undefined,
      );
      expect(headerGetterSetter.get(headers, 'traceparent')).toBeUndefined();
    });
  });
});
