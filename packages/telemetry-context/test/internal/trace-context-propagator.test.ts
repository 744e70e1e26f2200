import {
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  type SpanContext,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { suppressTracing, TraceState, W3CTraceContextPropagator } from '@opentelemetry/core';
import { headerGetterSetter } from '../../src/header-getter-setter.js';
import { createTraceContextPropagator } from '../../src/internal/trace-context-propagator.js';

const TRACE_ID = '12345678901234567890123456789012';
const SPAN_ID = '1234567890123456';
const VALID = `00-${TRACE_ID}-${SPAN_ID}-01`;

const propagator = createTraceContextPropagator();

function extract(headers: Record<string, string | string[]>): SpanContext | undefined {
  return trace.getSpanContext(propagator.extract(ROOT_CONTEXT, headers, headerGetterSetter));
}

function inject(spanContext: SpanContext): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagator.inject(trace.setSpanContext(ROOT_CONTEXT, spanContext), carrier, headerGetterSetter);
  return carrier;
}

describe('createTraceContextPropagator', () => {
  describe('extract', () => {
    it('should read a valid version-00 traceparent as a remote span context', () => {
      expect(extract({ traceparent: VALID })).toEqual({
        traceId: TRACE_ID,
        spanId: SPAN_ID,
        traceFlags: TraceFlags.SAMPLED,
        isRemote: true,
      });
    });

    it.each([
      ['version 00 with trailing characters', `${VALID}.`],
      ['version 00 with a future-style suffix', `${VALID}-what-the-future-will-be-like`],
      ['version ff', `ff-${TRACE_ID}-${SPAN_ID}-01`],
      ['an illegal version character', `.0-${TRACE_ID}-${SPAN_ID}-01`],
      ['a three-digit version', `000-${TRACE_ID}-${SPAN_ID}-01`],
      ['a one-digit version', `0-${TRACE_ID}-${SPAN_ID}-01`],
      ['an all-zero trace id', `00-${'0'.repeat(32)}-${SPAN_ID}-01`],
      ['an all-zero parent id', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
      ['an upper-case trace id', `00-${TRACE_ID.replace('1', 'A')}-${SPAN_ID}-01`],
      ['an upper-case parent id', `00-${TRACE_ID}-${SPAN_ID.replace('1', 'B')}-01`],
      ['upper-case flags', `00-${TRACE_ID}-${SPAN_ID}-0A`],
      ['a trace id too long', `00-${TRACE_ID}3-${SPAN_ID}-01`],
      ['a trace id too short', `00-${TRACE_ID.slice(1)}-${SPAN_ID}-01`],
      ['a parent id too long', `00-${TRACE_ID}-${SPAN_ID}7-01`],
      ['a parent id too short', `00-${TRACE_ID}-${SPAN_ID.slice(1)}-01`],
      ['illegal flag characters', `00-${TRACE_ID}-${SPAN_ID}-.0`],
      ['three flag digits', `00-${TRACE_ID}-${SPAN_ID}-001`],
      ['one flag digit', `00-${TRACE_ID}-${SPAN_ID}-1`],
      ['a future version without the dash after the flags', `cc-${TRACE_ID}-${SPAN_ID}-01.what`],
      ['a future version shorter than 55 characters', `cc-${TRACE_ID}-${SPAN_ID}-1`],
      ['two values joined by a comma', `${VALID}, 00-${TRACE_ID}-${SPAN_ID}-00`],
      ['an empty value', ''],
    ])('should restart the trace for %s', (_, traceparent) => {
      expect(extract({ traceparent, tracestate: 'foo=1' })).toBeUndefined();
    });

    it('should restart the trace for two traceparent values, where core takes the first', () => {
      const headers = { traceparent: [VALID, `00-${TRACE_ID}-${SPAN_ID}-00`] };
      expect(extract(headers)).toBeUndefined();
      const core = new W3CTraceContextPropagator().extract(
        ROOT_CONTEXT,
        headers,
        headerGetterSetter,
      );
      expect(trace.getSpanContext(core)?.traceId).toBe(TRACE_ID);
    });

    it.each([
      ['with a suffix', `cc-${TRACE_ID}-${SPAN_ID}-01-what-the-future-will-be-like`],
      ['of exactly 55 characters', `cc-${TRACE_ID}-${SPAN_ID}-01`],
    ])('should accept a future version %s', (_, traceparent) => {
      expect(extract({ traceparent })?.traceId).toBe(TRACE_ID);
    });

    it('should keep only the sampled bit of the flags', () => {
      expect(extract({ traceparent: `00-${TRACE_ID}-${SPAN_ID}-ff` })?.traceFlags).toBe(1);
      expect(extract({ traceparent: `cc-${TRACE_ID}-${SPAN_ID}-fe-x` })?.traceFlags).toBe(0);
    });

    it.each([
      ['00', 0],
      ['09', 1],
      ['0a', 0],
      ['0b', 1],
      ['10', 0],
      ['f1', 1],
    ])('should read the sampled bit of flags %s as %d', (flags, sampled) => {
      expect(extract({ traceparent: `00-${TRACE_ID}-${SPAN_ID}-${flags}` })?.traceFlags).toBe(
        sampled,
      );
    });

    it.each([' ', '\t', ' \t '])('should ignore OWS %j around the traceparent', (ows) => {
      expect(extract({ traceparent: `${ows}${VALID}${ows}` })?.traceId).toBe(TRACE_ID);
    });

    it('should find the headers whatever the case of their names', () => {
      const spanContext = extract({ TraceParent: VALID, TRACESTATE: 'foo=1' });
      expect(spanContext?.traceId).toBe(TRACE_ID);
      expect(spanContext?.traceState?.get('foo')).toBe('1');
    });

    it('should combine several tracestate headers in order', () => {
      const spanContext = extract({
        traceparent: VALID,
        tracestate: ['foo=1,bar=2', 'rojo=1,congo=2', 'baz=3'],
      });
      expect(spanContext?.traceState?.serialize()).toBe('foo=1,bar=2,rojo=1,congo=2,baz=3');
    });

    it('should ignore OWS and empty list-members in tracestate', () => {
      const spanContext = extract({
        traceparent: VALID,
        tracestate: ['', 'foo=1 \t , \t bar=2,,\tbaz=3 '],
      });
      expect(spanContext?.traceState?.serialize()).toBe('foo=1,bar=2,baz=3');
    });

    it('should accept every legal key and value character, with and without tenant@system', () => {
      const key = 'abcdefghijklmnopqrstuvwxyz0123456789_-*/';
      const value = [
        [0x20, 0x2b],
        [0x2d, 0x3c],
        [0x3e, 0x7e],
      ]
        .flatMap(([from, to]) =>
          Array.from({ length: to! - from! + 1 }, (_, i) => String.fromCharCode(from! + i)),
        )
        .join('');
      for (const k of [key, `${key}@a-z0-9_-*/`]) {
        expect(
          extract({ traceparent: VALID, tracestate: `${k}=${value}` })?.traceState?.get(k),
        ).toBe(value);
      }
    });

    it('should accept 32 list-members', () => {
      const members = Array.from({ length: 32 }, (_, i) => `bar${i}=${i}`).join(',');
      expect(extract({ traceparent: VALID, tracestate: members })?.traceState?.serialize()).toBe(
        members,
      );
    });

    it.each([
      ['33 list-members', Array.from({ length: 33 }, (_, i) => `bar${i}=${i}`).join(',')],
      [
        '33 list-members, one a duplicate',
        Array.from({ length: 33 }, (_, i) => `bar${Math.min(i, 31)}=${i}`).join(','),
      ],
      ['a space before =', 'foo =1'],
      ['an upper-case key', 'FOO=1'],
      ['a dot in a key', 'foo.bar=1'],
      ['a key starting with @', '@foo=1,bar=2'],
      ['a key starting with _', '_foo=1,bar=2'],
      ['a 257-character key', `foo=1,${'z'.repeat(257)}=1`],
      ['a 257-character key with @', `foo=1,${'t'.repeat(250)}@${'v'.repeat(6)}=1`],
      ['= in a value', 'foo=bar=baz'],
      ['an empty value', 'foo=,bar=3'],
      ['a member without =', 'foo,bar=3'],
      ['a 257-character value', `foo=${'v'.repeat(257)}`],
      ['only empty members', ' , ,'],
    ])('should drop the whole tracestate with %s and keep the traceparent', (_, tracestate) => {
      const spanContext = extract({ traceparent: VALID, tracestate });
      expect(spanContext?.traceId).toBe(TRACE_ID);
      expect(spanContext?.traceState).toBeUndefined();
    });

    it('should drop a tracestate that core keeps in part (regression: core keeps the valid members)', () => {
      const headers = { traceparent: VALID, tracestate: 'foo=1,BAR=2,baz=3' };
      expect(extract(headers)?.traceState).toBeUndefined();
      const core = new W3CTraceContextPropagator().extract(
        ROOT_CONTEXT,
        headers,
        headerGetterSetter,
      );
      expect(trace.getSpanContext(core)?.traceState?.serialize()).toBe('foo=1,baz=3');
    });

    // Level 2 key grammar, https://w3c.github.io/trace-context/#key:
    // key = ( lcalpha / DIGIT ) 0*255 ( keychar ), keychar includes "@" anywhere after the first.
    it.each([
      ['a 256-character key', 'z'.repeat(256)],
      ['a 241@14-character key', `${'t'.repeat(241)}@${'v'.repeat(14)}`],
      ['a 242-character tenant', `${'t'.repeat(242)}@v`],
      ['a 15-character system', `t@${'v'.repeat(15)}`],
      ['a 256-character key with @', `${'t'.repeat(250)}@${'v'.repeat(5)}`],
      ['a key ending in @', 'foo@'],
      ['two @ in a row', 'foo@@bar'],
      ['two systems', 'foo@bar@baz'],
      ['a digit first', '1foo'],
    ])('should keep %s beside foo=1 (regression: Level 1 grammar dropped the header)', (_, key) => {
      const state = extract({ traceparent: VALID, tracestate: ['foo=1', `${key}=1`] })?.traceState;
      expect(state?.serialize()).toBe(`foo=1,${key}=1`);
      expect(state?.get(key)).toBe('1');
    });

    // A duplicated key is the sender's error (https://w3c.github.io/trace-context/#mutating-the-tracestate-field);
    // test.py test_tracestate_duplicated_keys expects the header inherited with one of them.
    it.each([
      ['in one header', 'foo=1,foo=1', 'foo=1'],
      ['with other values', 'foo=1,bar=2,foo=3', 'foo=1,bar=2'],
      ['across headers', ['foo=1', 'foo=2'], 'foo=1'],
      ['after OWS', ['foo=1 ,bar=2', '\tbar=3'], 'foo=1,bar=2'],
    ])(
      'should keep the first of a key duplicated %s (regression: the whole header was dropped)',
      (_, tracestate, expected) => {
        expect(extract({ traceparent: VALID, tracestate })?.traceState?.serialize()).toBe(expected);
      },
    );

    it('should inherit 32 list-members of which one is a duplicate, without the duplicate', () => {
      const members = Array.from({ length: 31 }, (_, i) => `bar${i}=${i}`);
      const spanContext = extract({ traceparent: VALID, tracestate: [...members, 'bar0=x'] });
      expect(spanContext?.traceState?.serialize()).toBe(members.join(','));
    });

    it('should truncate tracestate over 512 characters by removing long members first', () => {
      const long = `long=${'x'.repeat(200)}`;
      const shorts = Array.from({ length: 20 }, (_, i) => `k${i}=${'y'.repeat(18)}`);
      const spanContext = extract({
        traceparent: VALID,
        tracestate: [shorts.slice(0, 2).join(','), long, shorts.slice(2).join(',')],
      });
      const serialized = spanContext?.traceState?.serialize() ?? '';
      expect(serialized.length).toBeLessThanOrEqual(512);
      expect(serialized).not.toContain('long=');
      expect(serialized.startsWith(shorts.slice(0, 2).join(','))).toBe(true);
    });

    it('should ignore tracestate without a traceparent', () => {
      expect(extract({ tracestate: 'foo=1' })).toBeUndefined();
    });
  });

  describe('inject', () => {
    it('should write traceparent and tracestate', () => {
      const traceState = new TraceState('foo=1,bar=2');
      expect(inject({ traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 1, traceState })).toEqual({
        traceparent: VALID,
        tracestate: 'foo=1,bar=2',
      });
    });

    it('should write only the sampled flag (regression: core writes a three-digit 0ff)', () => {
      const spanContext = { traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 0xff };
      expect(inject(spanContext).traceparent).toBe(VALID);
      const core: Record<string, string> = {};
      new W3CTraceContextPropagator().inject(
        trace.setSpanContext(ROOT_CONTEXT, spanContext),
        core,
        defaultTextMapSetter,
      );
      expect(core.traceparent).toBe(`00-${TRACE_ID}-${SPAN_ID}-0ff`);
    });

    it('should write nothing for an invalid span context or suppressed tracing', () => {
      expect(inject({ traceId: '0'.repeat(32), spanId: SPAN_ID, traceFlags: 1 })).toEqual({});
      const carrier: Record<string, string> = {};
      const ctx = suppressTracing(
        trace.setSpanContext(ROOT_CONTEXT, { traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 1 }),
      );
      propagator.inject(ctx, carrier, defaultTextMapSetter);
      expect(carrier).toEqual({});
    });

    it('should write keys that the Level 1 grammar of core rejects (regression: core TraceState dropped foo@)', () => {
      const headers = { traceparent: VALID, tracestate: 'foo@=1,t@vvvvvvvvvvvvvvv=2,bar=3' };
      const extracted = trace.getSpanContext(
        propagator.extract(ROOT_CONTEXT, headers, headerGetterSetter),
      );
      expect(inject(extracted!).tracestate).toBe('foo@=1,t@vvvvvvvvvvvvvvv=2,bar=3');
    });

    it('should round-trip a context through a carrier', () => {
      const spanContext = {
        traceId: TRACE_ID,
        spanId: SPAN_ID,
        traceFlags: 0,
        traceState: new TraceState('a@b=1'),
      };
      const headers = inject(spanContext);
      const back = trace.getSpanContext(
        propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter),
      );
      expect(back?.traceState?.serialize()).toBe('a@b=1');
      expect({ ...back, traceState: undefined }).toEqual({
        ...spanContext,
        traceState: undefined,
        isRemote: true,
      });
    });
  });

  describe('fields', () => {
    it('should list traceparent and tracestate', () => {
      expect(propagator.fields()).toEqual(['traceparent', 'tracestate']);
    });
  });
});
