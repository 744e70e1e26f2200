import { isRetryableGrpcError } from '../../src/internal/is-retryable-grpc-error.js';

describe('isRetryableGrpcError', () => {
  describe('isRetryableGrpcError()', () => {
    it.each([
      [1, true],
      [4, true],
      [10, true],
      [11, true],
      [14, true],
      [15, true],
      [3, false],
      [8, false],
      [16, false],
    ])('should classify gRPC code %i as retryable=%s', (code, retryable) => {
      expect(isRetryableGrpcError({ code })).toBe(retryable);
    });

    it('should not retry errors without a gRPC code', () => {
      expect(isRetryableGrpcError(new Error('x'))).toBe(false);
      expect(isRetryableGrpcError(undefined)).toBe(false);
    });
  });
});
