import { settleWithin } from '../../src/internal/settle-within.js';

describe('settleWithin', () => {
  it('should report done, failed and synchronous throws without rejecting', async () => {
    await expect(settleWithin(() => Promise.resolve(1), 1000)).resolves.toEqual({
      status: 'done',
    });
    const error = new Error('boom');
    await expect(settleWithin(() => Promise.reject(error), 1000)).resolves.toEqual({
      status: 'failed',
      error,
    });
    await expect(
      settleWithin(() => {
        throw error;
      }, 1000),
    ).resolves.toEqual({ status: 'failed', error });
  });

  it('should resolve with timeout when the work never settles', async () => {
    await expect(settleWithin(() => new Promise(() => undefined), 10)).resolves.toEqual({
      status: 'timeout',
    });
  });
});
