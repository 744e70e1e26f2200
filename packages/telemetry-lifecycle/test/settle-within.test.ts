import { settleWithin } from '../src/index.js';

describe('settleWithin', () => {
  describe('settleWithin()', () => {
    it('should report a promise that resolves in time as done', async () => {
      await expect(settleWithin(Promise.resolve(1), 1000)).resolves.toEqual({ status: 'done' });
    });

    it('should report a rejection as failed, with the error, without rejecting', async () => {
      const error = new Error('boom');
      await expect(settleWithin(Promise.reject(error), 1000)).resolves.toEqual({
        status: 'failed',
        error,
      });
    });

    it('should report a promise still pending at the deadline as timeout', async () => {
      await expect(settleWithin(new Promise(() => {}), 10)).resolves.toEqual({
        status: 'timeout',
      });
    });
  });
});
