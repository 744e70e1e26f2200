import { isSamplingRatio } from '../src/is-sampling-ratio.js';

describe('isSamplingRatio', () => {
  describe('isSamplingRatio()', () => {
    it.each([0, 0.25, 1])('should accept %p', (value) => {
      expect(isSamplingRatio(value)).toBe(true);
    });

    it.each([-0.01, 1.01, Number.NaN, Number.POSITIVE_INFINITY, '0.5', undefined])(
      'should refuse %p',
      (value) => {
        expect(isSamplingRatio(value)).toBe(false);
      },
    );
  });
});
