import { diag } from '@opentelemetry/api';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import {
  MAX_ATTRIBUTE_ARRAY_LENGTH,
  MAX_ATTRIBUTE_KEY_LENGTH,
  MAX_ATTRIBUTE_VALUE_LENGTH,
  sanitizeAttribute,
  sanitizeAttributes,
} from '../../src/internal/sanitize-attributes.js';

describe('sanitizeAttributes', () => {
  afterEach(() => {
    diag.disable();
  });

  describe('limits', () => {
    it('should match the limits the README documents', () => {
      expect([
        MAX_ATTRIBUTE_KEY_LENGTH,
        MAX_ATTRIBUTE_VALUE_LENGTH,
        MAX_ATTRIBUTE_ARRAY_LENGTH,
      ]).toEqual([255, 4096, 128]);
    });
  });

  describe('sanitizeAttribute', () => {
    it.each([
      ['string', 'v'],
      ['empty string', ''],
      ['integer', 3],
      ['float', 0.5],
      ['boolean', false],
      ['string array', ['a', 'b']],
      ['number array', [1, 2.5]],
      ['boolean array', [true, false]],
    ])('should keep a %s', (_, value) => {
      const logger = installTestDiagLogger();
      expect(sanitizeAttribute('k', value, 'code')).toEqual(value);
      expect(logger.texts('warn')).toEqual([]);
    });

    it('should name the element and limit for an oversized string in an array', () => {
      const logger = installTestDiagLogger();
      expect(sanitizeAttribute('tags', ['ok', 'y'.repeat(5000)], 'config')).toBeUndefined();
      expect(logger.texts('warn')).toEqual([
        '@proc/telemetry-resource dropped resource attribute "tags" (from config): array element 1 is 5000 characters, over the limit of 4096',
      ]);
    });

    it('should shorten a very long key in the warning', () => {
      const logger = installTestDiagLogger();
      sanitizeAttribute('k'.repeat(300), 1, 'code');
      expect(logger.texts('warn')[0]).toContain(`"${'k'.repeat(64)}…"`);
      expect(logger.texts('warn')[0]).not.toContain('k'.repeat(65));
    });
  });

  describe('sanitizeAttributes', () => {
    it('should ignore a value that is not an object, with one warning', () => {
      const logger = installTestDiagLogger();
      expect(sanitizeAttributes(null, 'config')).toEqual({});
      expect(sanitizeAttributes(['a'], 'config')).toEqual({});
      expect(logger.texts('warn')).toEqual([
        '@proc/telemetry-resource ignored resource attributes (from config): expected an object, got null',
        '@proc/telemetry-resource ignored resource attributes (from config): expected an object, got an array',
      ]);
    });

    it("should read only enumerable keys (regression: the config package's hidden printers were reported)", () => {
      const logger = installTestDiagLogger();
      const attributes = { 'team.name': 'orders' };
      Object.defineProperty(attributes, 'toJSON', { value: () => ({}), enumerable: false });
      Object.defineProperty(attributes, Symbol.for('nodejs.util.inspect.custom'), {
        value: () => '{}',
        enumerable: false,
      });
      expect(sanitizeAttributes(attributes, 'config')).toEqual({ 'team.name': 'orders' });
      expect(logger.texts('warn')).toEqual([]);
    });

    it('should still report an enumerable symbol key', () => {
      const logger = installTestDiagLogger();
      expect(sanitizeAttributes({ [Symbol('k')]: 'v', ok: 1 }, 'config')).toEqual({ ok: 1 });
      expect(logger.texts('warn')).toHaveLength(1);
    });
  });
});
