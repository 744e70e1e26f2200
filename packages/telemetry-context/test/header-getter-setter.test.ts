import type { IncomingHttpHeaders } from 'node:http';
import { headerGetterSetter } from '../src/header-getter-setter.js';
import type { MessageHeaderList } from '../src/types.js';

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
