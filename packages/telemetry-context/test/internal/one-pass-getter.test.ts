import {
  type Context,
  ROOT_CONTEXT,
  type TextMapGetter,
  type TextMapPropagator,
  trace,
} from '@opentelemetry/api';
import fc from 'fast-check';
import { createPropagator } from '../../src/create-propagator.js';
import { headerGetterSetter } from '../../src/header-getter-setter.js';
import { extractInOnePass } from '../../src/internal/one-pass-getter.js';
import type { HeaderCarrier, MessageHeaderList } from '../../src/types.js';

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const OTHER_PARENT = '00-11111111111111111111111111111111-2222222222222222-01';

/** A propagator that records what its getter returned for each field it asked. */
function recordingPropagator(fields: string[]): TextMapPropagator & { seen: unknown[] } {
  const seen: unknown[] = [];
  return {
    seen,
    inject() {},
    extract(ctx: Context, carrier: unknown, getter: TextMapGetter) {
      for (const field of fields) seen.push([field, getter.get(carrier, field)]);
      seen.push(['keys', getter.keys(carrier)]);
      return ctx;
    },
    fields: () => fields,
  };
}

const seenThrough = (carrier: HeaderCarrier, isList: boolean, fields: string[]) => {
  const onePass = recordingPropagator(fields);
  extractInOnePass(onePass, ROOT_CONTEXT, carrier, isList, headerGetterSetter);
  const direct = recordingPropagator(fields);
  direct.extract(ROOT_CONTEXT, carrier, headerGetterSetter);
  return { onePass: onePass.seen, direct: direct.seen };
};

const FIELDS = ['traceparent', 'tracestate', 'baggage', 'x-b3-traceid', 'uber-trace-id'];

describe('extractInOnePass', () => {
  it('should read every spelling of a duplicated traceparent, as headerGetterSetter does', () => {
    const record = { traceparent: TRACEPARENT, TraceParent: OTHER_PARENT, host: 'a' };
    const { onePass, direct } = seenThrough(record, false, FIELDS);
    expect(onePass).toEqual(direct);
    expect(onePass[0]).toEqual(['traceparent', [TRACEPARENT, OTHER_PARENT]]);
  });

  it('should restart the trace on a duplicated traceparent with the W3C propagator', () => {
    const propagator = createPropagator(['tracecontext', 'baggage']);
    const record = { traceparent: TRACEPARENT, TRACEPARENT: OTHER_PARENT };
    const ctx = extractInOnePass(propagator, ROOT_CONTEXT, record, false, headerGetterSetter);
    expect(trace.getSpanContext(ctx)).toBeUndefined();
    const single = extractInOnePass(
      propagator,
      ROOT_CONTEXT,
      { TraceParent: TRACEPARENT },
      false,
      headerGetterSetter,
    );
    expect(trace.getSpanContext(single)?.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
  });

  it('should decode Buffer values and flatten a record value that is an array', () => {
    const record = {
      traceparent: Buffer.from(TRACEPARENT),
      baggage: ['a=1', Buffer.from('b=2')],
      Baggage: 'c=3',
    };
    const { onePass, direct } = seenThrough(record, false, FIELDS);
    expect(onePass).toEqual(direct);
    expect(onePass[0]).toEqual(['traceparent', TRACEPARENT]);
    expect(onePass[2]).toEqual(['baggage', ['a=1', 'b=2', 'c=3']]);
  });

  it('should read a record of exact names in one pass and one of another spelling in full alike', () => {
    const exact = { host: 'a', 'user-agent': 'u', traceparent: TRACEPARENT, baggage: 'k=1' };
    const { onePass, direct } = seenThrough(exact, false, FIELDS);
    expect(onePass).toEqual(direct);
    expect(onePass[0]).toEqual(['traceparent', TRACEPARENT]);
    const spelled = { host: 'a', TraceState: 'a=1', traceparent: TRACEPARENT, baggage: 'k=1' };
    const mixed = seenThrough(spelled, false, FIELDS);
    expect(mixed.onePass).toEqual(mixed.direct);
    expect(mixed.onePass[1]).toEqual(['tracestate', 'a=1']);
  });

  it("should read a record with a null prototype or a hasOwnProperty header of its own (regression: the scan calls the record's hasOwnProperty)", () => {
    const bare = Object.assign(Object.create(null), { traceparent: TRACEPARENT, Baggage: 'k=1' });
    const { onePass, direct } = seenThrough(bare, false, FIELDS);
    expect(onePass).toEqual(direct);
    expect(onePass[0]).toEqual(['traceparent', TRACEPARENT]);
    const shadowed = { hasOwnProperty: 'x', traceparent: TRACEPARENT, tracestate: 'a=1' };
    const own = seenThrough(shadowed, false, FIELDS);
    expect(own.onePass).toEqual(own.direct);
    expect(own.onePass[1]).toEqual(['tracestate', 'a=1']);
  });

  it('should skip the fields a record inherits, of every spelling', () => {
    const record = Object.create({ traceparent: OTHER_PARENT, Tracestate: 'x=1', baggage: 'j=2' });
    record.tracestate = 'a=1';
    const { onePass, direct } = seenThrough(record, false, FIELDS);
    expect(onePass).toEqual(direct);
    expect(onePass.slice(0, 3)).toEqual([
      ['traceparent', undefined],
      ['tracestate', 'a=1'],
      ['baggage', undefined],
    ]);
  });

  it('should read a list with a field twice under its exact name, or once in another case', () => {
    const twice = [
      { key: 'traceparent', value: TRACEPARENT },
      { key: 'event-type', value: 'order' },
      { key: 'traceparent', value: OTHER_PARENT },
    ];
    const { onePass, direct } = seenThrough(twice, true, FIELDS);
    expect(onePass).toEqual(direct);
    expect(onePass[0]).toEqual(['traceparent', [TRACEPARENT, OTHER_PARENT]]);
    const cased = [
      { key: 'BAGGAGE', value: 'k=1' },
      { key: 'traceparent', value: TRACEPARENT },
    ];
    const other = seenThrough(cased, true, FIELDS);
    expect(other.onePass).toEqual(other.direct);
    expect(other.onePass[2]).toEqual(['baggage', 'k=1']);
  });

  it('should read a { key, value } list with duplicates and entries without a key', () => {
    const list = [
      { key: 'tracestate', value: 'a=1' },
      null,
      { key: 'TraceState', value: Buffer.from('b=2') },
      { key: 'traceparent', value: null },
      { value: 'x' },
    ] as unknown as MessageHeaderList;
    const { onePass, direct } = seenThrough(list, true, FIELDS);
    expect(onePass).toEqual(direct);
    expect(onePass[1]).toEqual(['tracestate', ['a=1', 'b=2']]);
    expect(onePass[0]).toEqual(['traceparent', undefined]);
  });

  it('should hand another carrier and other fields to the fallback getter', () => {
    const record = { 'X-B3-TraceId': 'abc', traceparent: TRACEPARENT };
    const other = { traceparent: OTHER_PARENT };
    const asked: unknown[] = [];
    const propagator: TextMapPropagator = {
      inject() {},
      extract(ctx, carrier, getter) {
        asked.push(getter.get(carrier, 'x-b3-traceid'), getter.get(other, 'traceparent'));
        return ctx;
      },
      fields: () => [],
    };
    extractInOnePass(propagator, ROOT_CONTEXT, record, false, headerGetterSetter);
    expect(asked).toEqual(['abc', OTHER_PARENT]);
  });

  it('should give a nested extract a getter of its own, and forget the carrier after each', () => {
    const inner = { traceparent: OTHER_PARENT };
    const outer = { traceparent: TRACEPARENT };
    const asked: unknown[] = [];
    const nested: TextMapPropagator = {
      inject() {},
      extract(ctx, carrier, getter) {
        asked.push(getter.get(carrier, 'traceparent'));
        return ctx;
      },
      fields: () => [],
    };
    const propagator: TextMapPropagator = {
      inject() {},
      extract(ctx, carrier, getter) {
        extractInOnePass(nested, ctx, inner, false, headerGetterSetter);
        asked.push(getter.get(carrier, 'traceparent'));
        return ctx;
      },
      fields: () => [],
    };
    extractInOnePass(propagator, ROOT_CONTEXT, outer, false, headerGetterSetter);
    extractInOnePass(nested, ROOT_CONTEXT, {}, false, headerGetterSetter);
    expect(asked).toEqual([OTHER_PARENT, TRACEPARENT, undefined]);
  });

  it('should return what headerGetterSetter returns for any record or list', () => {
    const name = fc.oneof(
      fc.constantFrom(
        'traceparent',
        'TraceParent',
        'TRACEPARENT',
        'tracestate',
        'TraceState',
        'baggage',
        'Baggage',
        'host',
        'user-agent',
        'x-b3-traceid',
        'X-B3-TraceId',
        'constructor',
      ),
      fc.string({ maxLength: 12 }),
    );
    const one = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.string({ maxLength: 8 }).map((s) => Buffer.from(s)),
    );
    const recordValue = fc.oneof(one, fc.array(one, { maxLength: 3 }), fc.constant(undefined));
    const records = fc.dictionary(name, recordValue, { maxKeys: 8 });
    const lists = fc.array(fc.record({ key: name, value: fc.oneof(one, fc.constant(null)) }), {
      maxLength: 8,
    });
    fc.assert(
      fc.property(records, (record) => {
        const { onePass, direct } = seenThrough(record as HeaderCarrier, false, FIELDS);
        expect(onePass).toEqual(direct);
      }),
    );
    fc.assert(
      fc.property(lists, (list) => {
        const { onePass, direct } = seenThrough(list as MessageHeaderList, true, FIELDS);
        expect(onePass).toEqual(direct);
      }),
    );
  });
});
