import {
  baggageEntryMetadataFromString,
  defaultTextMapSetter,
  propagation,
  ROOT_CONTEXT,
} from '@opentelemetry/api';
import { W3CBaggagePropagator } from '@opentelemetry/core';
import { getBaggage, setBaggage } from '../../src/baggage.js';
import { headerGetterSetter } from '../../src/header-getter-setter.js';
import { createBaggagePropagator } from '../../src/internal/baggage-propagator.js';
import type { BaggageItem } from '../../src/types.js';

const propagator = createBaggagePropagator();

function inject(items: BaggageItem[]): string | undefined {
  const carrier: Record<string, string> = {};
  propagator.inject(setBaggage(ROOT_CONTEXT, items), carrier, headerGetterSetter);
  return carrier.baggage;
}

function extract(baggage: string | string[]): BaggageItem[] {
  return getBaggage(propagator.extract(ROOT_CONTEXT, { baggage }, headerGetterSetter));
}

describe('createBaggagePropagator', () => {
  describe('inject', () => {
    it('should percent-encode values and keep metadata', () => {
      expect(
        inject([
          { key: 'user', value: 'Zoë, "x";y=1 %' },
          { key: 'tenant', value: 'acme', metadata: 'ttl=30;internal' },
        ]),
      ).toBe('user=Zo%C3%AB%2C%20%22x%22%3By%3D1%20%25,tenant=acme;ttl=30;internal');
    });

    it('should keep at most 180 list-members', () => {
      const items = Array.from({ length: 200 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
      const header = inject(items) ?? '';
      expect(header.split(',')).toHaveLength(180);
      expect(header.split(',').at(-1)).toBe('k179=v');
    });

    it('should drop a member over 4096 bytes whole and keep the others', () => {
      const header = inject([
        { key: 'big', value: 'x'.repeat(4093) },
        { key: 'ok', value: '1' },
      ]);
      expect(header).toBe('ok=1');
      expect(inject([{ key: 'max', value: 'x'.repeat(4092) }])).toHaveLength(4096);
    });

    it('should never exceed 8192 bytes and never cut a member', () => {
      const items = Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: 'é'.repeat(400) }));
      const header = inject(items) ?? '';
      expect(Buffer.byteLength(header)).toBeLessThanOrEqual(8192);
      const members = header.split(',');
      expect(members).toHaveLength(3);
      for (const member of members) expect(member).toMatch(/^k\d=(%C3%A9){400}$/);
    });

    it('should skip a value with a lone surrogate (regression: core throws and loses all baggage)', () => {
      const items = [
        { key: 'bad', value: 'a\ud800b' },
        { key: 'good', value: 'ok' },
      ];
      expect(inject(items)).toBe('good=ok');
      expect(() =>
        new W3CBaggagePropagator().inject(
          setBaggage(ROOT_CONTEXT, items),
          {},
          defaultTextMapSetter,
        ),
      ).toThrow(URIError);
    });

    it('should skip entries whose key or metadata cannot travel intact', () => {
      const baggage = propagation.createBaggage({
        'a(b': { value: '1' },
        meta: { value: '2', metadata: baggageEntryMetadataFromString('x,y') },
        fine: { value: '3' },
      });
      const carrier: Record<string, string> = {};
      propagator.inject(propagation.setBaggage(ROOT_CONTEXT, baggage), carrier, headerGetterSetter);
      expect(carrier.baggage).toBe('fine=3');
    });
  });

  describe('extract', () => {
    it('should hand back the context itself when there is no baggage header, or only an empty one', () => {
      const ctx = setBaggage(ROOT_CONTEXT, [{ key: 'kept', value: '1' }]);
      expect(propagator.extract(ctx, { host: 'a' }, headerGetterSetter)).toBe(ctx);
      expect(propagator.extract(ctx, { baggage: ' ' }, headerGetterSetter)).toBe(ctx);
    });

    it('should decode values, metadata and OWS', () => {
      expect(extract(' user = Zo%C3%AB%2C ;ttl=30 , empty= ,flag=1')).toEqual([
        { key: 'user', value: 'Zoë,', metadata: 'ttl=30' },
        { key: 'empty', value: '' },
        { key: 'flag', value: '1' },
      ]);
    });

    it('should keep an empty value (regression: core drops key=)', () => {
      expect(extract('a=')).toEqual([{ key: 'a', value: '' }]);
      const core = new W3CBaggagePropagator().extract(
        ROOT_CONTEXT,
        { baggage: 'a=' },
        headerGetterSetter,
      );
      expect(propagation.getBaggage(core)).toBeUndefined();
    });

    it('should combine several headers', () => {
      expect(extract(['a=1', 'b=2'])).toEqual([
        { key: 'a', value: '1' },
        { key: 'b', value: '2' },
      ]);
    });

    it('should skip malformed members', () => {
      expect(extract('noequals,a b=1,c=%E0%A4%A,d="q",e=ok')).toEqual([{ key: 'e', value: 'ok' }]);
    });

    it('should keep a __proto__ key as an ordinary entry', () => {
      expect(extract('__proto__=1')).toEqual([{ key: '__proto__', value: '1' }]);
    });

    it('should apply the 180-member limit', () => {
      const header = Array.from({ length: 200 }, (_, i) => `k${i}=v`).join(',');
      expect(extract(header)).toHaveLength(180);
    });
  });
});
