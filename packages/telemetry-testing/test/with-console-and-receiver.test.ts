import { withConsoleAndReceiver } from '../src/index.js';

describe('withConsoleAndReceiver', () => {
  it('should give a running receiver and the console.dir output, then restore console.dir and stop the receiver', async () => {
    const original = console.dir;
    const { receiver, printed } = await withConsoleAndReceiver(async (capture) => {
      console.dir({ name: 'printed' });
      const response = await fetch(`${capture.receiver.httpUrl}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(200);
      return capture;
    });
    expect(printed).toEqual([{ name: 'printed' }]);
    expect(console.dir).toBe(original);
    await expect(fetch(`${receiver.httpUrl}/v1/traces`, { method: 'POST' })).rejects.toThrow();
  });

  it('should restore console.dir and stop the receiver when the callback throws', async () => {
    const original = console.dir;
    let url = '';
    await expect(
      withConsoleAndReceiver(async ({ receiver }) => {
        url = receiver.httpUrl;
        throw new Error('failed inside');
      }),
    ).rejects.toThrow('failed inside');
    expect(console.dir).toBe(original);
    await expect(fetch(`${url}/v1/traces`, { method: 'POST' })).rejects.toThrow();
  });
});
