import { isRetryableHttpStatus } from '../src/is-retryable-http-status.js';

describe('isRetryableHttpStatus', () => {
  describe('isRetryableHttpStatus()', () => {
    it.each([429, 502, 503, 504])(
      'should retry HTTP %i, as the OTLP specification says',
      (status) => {
        expect(isRetryableHttpStatus(status)).toBe(true);
      },
    );

    it.each([200, 400, 401, 403, 404, 413, 415, 500, 501])(
      'should treat HTTP %i as final',
      (status) => {
        expect(isRetryableHttpStatus(status)).toBe(false);
      },
    );
  });
});
