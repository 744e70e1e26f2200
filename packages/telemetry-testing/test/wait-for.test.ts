import { waitFor } from '../src/index.js';

describe('waitFor', () => {
  it('should resolve with the first value other than undefined or false', async () => {
    let calls = 0;
    const value = await waitFor('the third call', () => {
      calls += 1;
      return calls === 3 ? { calls } : calls === 1 ? undefined : false;
    });
    expect(value).toEqual({ calls: 3 });
  });

  it('should resolve with true for a predicate', async () => {
    let ready = false;
    setTimeout(() => {
      ready = true;
    }, 20);
    await expect(waitFor('ready', () => ready)).resolves.toBe(true);
  });

  it('should treat 0 and the empty string as values', async () => {
    await expect(waitFor('zero', () => 0)).resolves.toBe(0);
    await expect(waitFor('empty', () => '')).resolves.toBe('');
  });

  it('should await an async check', async () => {
    let calls = 0;
    const value = await waitFor('the async check', async () => {
      calls += 1;
      await new Promise((resolve) => setImmediate(resolve));
      return calls >= 2 ? 'done' : undefined;
    });
    expect(value).toBe('done');
  });

  it('should retry a check that throws', async () => {
    let calls = 0;
    const value = await waitFor('the endpoint', () => {
      calls += 1;
      if (calls < 3) throw new Error('ECONNREFUSED');
      return calls;
    });
    expect(value).toBe(3);
  });

  it('should reject after timeoutMs naming what it waited for', async () => {
    const started = Date.now();
    await expect(waitFor('the export request', () => false, { timeoutMs: 50 })).rejects.toThrow(
      /^@proc\/telemetry-testing: timed out after 50 ms waiting for the export request$/,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });

  it('should name the last error the check threw in the timeout message', async () => {
    await expect(
      waitFor(
        'the endpoint',
        () => {
          throw new Error('connect ECONNREFUSED 127.0.0.1:9');
        },
        { timeoutMs: 30 },
      ),
    ).rejects.toThrow(
      'timed out after 30 ms waiting for the endpoint (last error: connect ECONNREFUSED 127.0.0.1:9)',
    );
  });

  it('should check once more after the deadline before rejecting', async () => {
    let calls = 0;
    await expect(
      waitFor(
        'nothing',
        () => {
          calls += 1;
          return false;
        },
        { timeoutMs: 0 },
      ),
    ).rejects.toThrow('timed out after 0 ms waiting for nothing');
    expect(calls).toBeGreaterThanOrEqual(1);
  });

  it('should pause intervalMs between checks', async () => {
    const times: number[] = [];
    await waitFor(
      'three checks',
      () => {
        times.push(Date.now());
        return times.length === 3;
      },
      { intervalMs: 40 },
    );
    expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(70);
  });
});
