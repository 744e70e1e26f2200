import { installTestDiagLogger, type TestDiagLogger } from '@proc/telemetry-testing';
import {
  createAttributeSanitizer,
  MAX_WARNED_KEYS,
} from '../../src/internal/sanitize-attributes.js';

describe('createAttributeSanitizer', () => {
  let logger: TestDiagLogger;

  beforeEach(() => {
    logger = installTestDiagLogger();
  });

  afterEach(() => {
    logger.uninstall();
  });

  describe('sanitize', () => {
    it('should return valid attributes as the same object', () => {
      const sanitize = createAttributeSanitizer();
      // A sparse array's hole is an undefined entry, which the spec allows.
      // biome-ignore lint/suspicious/noSparseArray: the hole is the subject
      const sparse = [1, , 3];
      const attributes = { s: '', n: -0, inf: -Infinity, b: true, empty: [], sparse };
      expect(sanitize(attributes)).toBe(attributes);
      expect(sanitize(undefined)).toBeUndefined();
      expect(logger.messages).toEqual([]);
    });

    it('should copy without the invalid entries and leave the input alone', () => {
      const sanitize = createAttributeSanitizer();
      const attributes = { a: 'x', big: 1n, nested: [['x']], n: null, u: undefined };
      const sanitized = sanitize(attributes as never);
      expect(sanitized).toEqual({ a: 'x' });
      expect(Object.keys(sanitized ?? {})).toEqual(['a']);
      expect(Object.keys(attributes)).toEqual(['a', 'big', 'nested', 'n', 'u']);
      expect(logger.texts('warn')).toEqual([
        expect.stringMatching(
          /^@proc\/telemetry-metrics attribute "big" dropped: received a bigint;/,
        ),
        expect.stringMatching(/attribute "nested" dropped: received an array with an array entry;/),
      ]);
    });

    it('should keep an own "__proto__" key as a key', () => {
      const sanitize = createAttributeSanitizer();
      const attributes = JSON.parse('{"__proto__": "x", "big": {}}');
      const sanitized = sanitize(attributes);
      expect(Object.getPrototypeOf(sanitized)).toBe(Object.prototype);
      expect(Object.entries(sanitized ?? {})).toEqual([['__proto__', 'x']]);
    });

    it('should ignore inherited properties, as the SDK does', () => {
      const sanitize = createAttributeSanitizer();
      const attributes = Object.assign(Object.create({ inherited: 1n }), { own: 'x' });
      expect(sanitize(attributes)).toBe(attributes);
    });

    it(`should warn about the first ${MAX_WARNED_KEYS} distinct keys only`, () => {
      const sanitize = createAttributeSanitizer();
      for (let i = 0; i < MAX_WARNED_KEYS + 50; i++) {
        sanitize({ [`key.${i}`]: Symbol(i) } as never);
        sanitize({ [`key.${i}`]: Symbol(i) } as never);
      }
      expect(logger.texts('warn')).toHaveLength(MAX_WARNED_KEYS);
    });

    it('should drop attributes that are not an object, warning once', () => {
      const sanitize = createAttributeSanitizer();
      expect(sanitize(null as never)).toBeUndefined();
      expect(sanitize(['a'] as never)).toBeUndefined();
      expect(sanitize('abc' as never)).toBeUndefined();
      expect(logger.texts('warn')).toEqual([
        expect.stringMatching(
          /attributes dropped: received null; accepted: an object of attributes/,
        ),
      ]);
    });
  });
});
