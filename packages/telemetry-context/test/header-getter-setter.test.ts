import type { IncomingHttpHeaders } from 'node:http';
import {
  type Context,
  ROOT_CONTEXT,
  type TextMapGetter,
  type TextMapPropagator,
  type TextMapSetter,
} from '@opentelemetry/api';
import {
  extractWithGetter,
  headerGetterSetter,
  headerSetterFor,
} from '../src/header-getter-setter.js';
import type { HeaderCarrier, MessageHeaderList } from '../src/types.js';

describe('headerGetterSetter', () => {
  describe('get', () => {
    it('should read Node headers case-insensitively, arrays as several values', () => {
      const headers: IncomingHttpHeaders = { traceparent: 'tp', 'x-multi': ['a', 'b'] };
      expect(headerGetterSetter.get(headers, 'TraceParent')).toBe('tp');
      expect(headerGetterSetter.get(headers, 'x-multi')).toEqual(['a', 'b']);
      expect(headerGetterSetter.get(headers, 'missing')).toBeUndefined();
    });

    it('should collect the values of several spellings of one name', () => {
      expect(
        headerGetterSetter.get({ Tracestate: 'a=1', TRACESTATE: 'b=2' }, 'tracestate'),
      ).toEqual(['a=1', 'b=2']);
    });

    it('should collect every spelling also when one matches the key exactly (regression: exact-match shortcut)', () => {
      const headers = { traceparent: 'a', TraceParent: 'b' };
      expect(headerGetterSetter.get(headers, 'traceparent')).toEqual(['a', 'b']);
      expect(headerGetterSetter.get(headers, 'TRACEPARENT')).toEqual(['a', 'b']);
    });

    it('should read Buffer, string, number and array-of-Buffer message headers', () => {
      const headers = {
        traceparent: Buffer.from('tp'),
        count: 3,
        baggage: [Buffer.from('a=1'), 'b=2'],
        absent: undefined,
      };
      expect(headerGetterSetter.get(headers, 'traceparent')).toBe('tp');
      expect(headerGetterSetter.get(headers, 'count')).toBe('3');
      expect(headerGetterSetter.get(headers, 'baggage')).toEqual(['a=1', 'b=2']);
      expect(headerGetterSetter.get(headers, 'absent')).toBeUndefined();
    });

    it('should read the fetch Headers class', () => {
      const headers = new Headers({ TraceParent: 'tp' });
      headers.append('tracestate', 'a=1');
      headers.append('tracestate', 'b=2');
      expect(headerGetterSetter.get(headers, 'traceparent')).toBe('tp');
      expect(headerGetterSetter.get(headers, 'tracestate')).toBe('a=1, b=2');
      expect(headerGetterSetter.keys(headers)).toEqual(['traceparent', 'tracestate']);
    });

    it('should read a { key, value } list', () => {
      const list: MessageHeaderList = [
        { key: 'TraceParent', value: Buffer.from('tp') },
        { key: 'baggage', value: 'a=1' },
        { key: 'baggage', value: 'b=2' },
      ];
      expect(headerGetterSetter.get(list, 'traceparent')).toBe('tp');
      expect(headerGetterSetter.get(list, 'baggage')).toEqual(['a=1', 'b=2']);
      expect(headerGetterSetter.keys(list)).toEqual(['TraceParent', 'baggage']);
    });

    it('should skip list entries without a string key in keys as get does (regression: keys threw on them)', () => {
      const list = [
        { key: 'uberctx-user', value: 'ada' },
        null,
        { key: undefined, value: 'x' },
      ] as unknown as MessageHeaderList;
      expect(headerGetterSetter.keys(list)).toEqual(['uberctx-user']);
      expect(headerGetterSetter.get(list, 'uberctx-user')).toBe('ada');
    });

    it('should read an outgoing message through getHeader', () => {
      const stored = new Map<string, string>([['traceparent', 'tp']]);
      const message = {
        getHeader: (name: string) => stored.get(name.toLowerCase()),
        setHeader: (name: string, value: string) => stored.set(name.toLowerCase(), value),
        getHeaderNames: () => [...stored.keys()],
      };
      expect(headerGetterSetter.get(message, 'traceparent')).toBe('tp');
      headerGetterSetter.set(message, 'baggage', 'a=1');
      expect(stored.get('baggage')).toBe('a=1');
      expect(headerGetterSetter.keys(message)).toEqual(['traceparent', 'baggage']);
    });
  });

  describe('set', () => {
    it('should replace every spelling of the name in an object', () => {
      const headers: Record<string, string | Buffer> = {
        TraceParent: 'old',
        TRACEPARENT: Buffer.from('x'),
      };
      headerGetterSetter.set(headers, 'traceparent', 'new');
      expect(headers).toEqual({ traceparent: 'new' });
    });

    it('should replace in a { key, value } list and in fetch Headers', () => {
      const list: MessageHeaderList = [
        { key: 'Baggage', value: 'old' },
        { key: 'other', value: '1' },
      ];
      headerGetterSetter.set(list, 'baggage', 'new');
      expect(list).toEqual([
        { key: 'other', value: '1' },
        { key: 'baggage', value: 'new' },
      ]);
      const headers = new Headers({ baggage: 'old' });
      headerGetterSetter.set(headers, 'baggage', 'new');
      expect(headers.get('baggage')).toBe('new');
    });
  });
});

// extractWithGetter and headerSetterFor tell a carrier's kind once and hand the propagator that kind's
// getter or setter; these tests hold them to what headerGetterSetter, which tells the kind on
// every call, reads and writes for every kind of carrier.

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const OTHER_PARENT = '00-11111111111111111111111111111111-2222222222222222-01';
const FIELDS = ['traceparent', 'tracestate', 'baggage', 'x-b3-traceid', 'uber-trace-id'];

/** Records what its getter returns for each field, and writes each field through its setter. */
function recordingPropagator(): TextMapPropagator & { seen: unknown[] } {
  const seen: unknown[] = [];
  return {
    seen,
    inject(_ctx: Context, carrier: unknown, setter: TextMapSetter) {
      setter.set(carrier, 'TraceParent', 'first');
      setter.set(carrier, 'traceparent', TRACEPARENT);
      setter.set(carrier, 'x-b3-traceid', 'abc');
    },
    extract(ctx: Context, carrier: unknown, getter: TextMapGetter) {
      for (const field of FIELDS) seen.push([field, getter.get(carrier, field)]);
      seen.push(['keys', getter.keys(carrier)]);
      return ctx;
    },
    fields: () => FIELDS,
  };
}

/** An outgoing message (`http.ClientRequest`-like): names kept lower-cased, as Node does. */
function outgoingMessage(entries: [string, string][]) {
  const stored = new Map(entries.map(([k, v]) => [k.toLowerCase(), v]));
  return {
    stored,
    getHeader: (name: string) => stored.get(name.toLowerCase()),
    setHeader: (name: string, value: string) => stored.set(name.toLowerCase(), value),
    getHeaderNames: () => [...stored.keys()],
  };
}

/** Each kind of carrier, made fresh per call (inject changes it). */
const kinds: [string, () => HeaderCarrier][] = [
  [
    'Node headers',
    () => ({ host: 'a', traceparent: TRACEPARENT, TraceParent: OTHER_PARENT, baggage: 'k=1' }),
  ],
  [
    'Kafka Buffer headers',
    () => ({ traceparent: Buffer.from(TRACEPARENT), BAGGAGE: [Buffer.from('k=1'), 'j=2'] }),
  ],
  [
    '{ key, value } list',
    () =>
      [
        { key: 'TraceParent', value: Buffer.from(TRACEPARENT) },
        { key: 'baggage', value: 'k=1' },
        { key: 'X-B3-TraceId', value: 'abc' },
      ] as MessageHeaderList,
  ],
  [
    'fetch Headers',
    () => {
      const headers = new Headers({ TraceParent: TRACEPARENT, 'x-b3-traceid': 'abc' });
      headers.append('tracestate', 'a=1');
      headers.append('tracestate', 'b=2');
      return headers;
    },
  ],
  [
    'outgoing message',
    () =>
      outgoingMessage([
        ['traceparent', TRACEPARENT],
        ['Baggage', 'k=1'],
      ]),
  ],
  [
    'an object with a get() that is no Headers (read as a record)',
    () => ({ get: () => 'not used', traceparent: TRACEPARENT, 'X-B3-TraceId': 'abc' }) as never,
  ],
];

describe('extractWithGetter and headerSetterFor', () => {
  describe.each(kinds)('%s', (_name, make) => {
    it('should extract what the propagator reads through headerGetterSetter', () => {
      const ours = recordingPropagator();
      extractWithGetter(ours, ROOT_CONTEXT, make());
      const direct = recordingPropagator();
      direct.extract(ROOT_CONTEXT, make(), headerGetterSetter);
      expect(ours.seen).toEqual(direct.seen);
      expect(ours.seen.length).toBe(FIELDS.length + 1);
    });

    it('should inject what the propagator writes through headerGetterSetter', () => {
      const ours = make();
      recordingPropagator().inject(ROOT_CONTEXT, ours, headerSetterFor(ours));
      const direct = make();
      recordingPropagator().inject(ROOT_CONTEXT, direct, headerGetterSetter);
      const read = (carrier: HeaderCarrier) =>
        headerGetterSetter.keys(carrier).map((k) => [k, headerGetterSetter.get(carrier, k)]);
      expect(read(ours)).toEqual(read(direct));
      expect(headerGetterSetter.get(ours, 'traceparent')).toBe(TRACEPARENT);
    });
  });
});
