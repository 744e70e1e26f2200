import fc from 'fast-check';
import { describeThrowable } from '../../src/internal/describe-throwable.js';

describe('describeThrowable', () => {
  describe('describeThrowable()', () => {
    it('should describe any value with string type and message, never throwing', () => {
      fc.assert(
        fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true }), (value) => {
          const { type, message, stacktrace } = describeThrowable(value);
          expect(typeof type).toBe('string');
          expect(type).not.toBe('');
          expect(typeof message).toBe('string');
          expect(stacktrace === undefined || typeof stacktrace === 'string').toBe(true);
        }),
      );
    });

    it('should keep the message and stack of any Error', () => {
      fc.assert(
        fc.property(fc.string(), (text) => {
          const error = new Error(text);
          expect(describeThrowable(error)).toEqual({
            type: 'Error',
            message: text,
            stacktrace: error.stack,
          });
        }),
      );
    });
  });
});
