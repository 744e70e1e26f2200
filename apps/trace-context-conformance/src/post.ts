import { request } from 'node:http';

/**
 * POSTs `body` to `url` and resolves with the status once the response has ended. Rejects when
 * the connection fails, when the response is cut off, or when no complete response came within
 * `timeoutMillis` of the call: the request is destroyed then, so a callback that never answers
 * (or never finishes answering) cannot hold `/test`.
 */
export function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMillis: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
    };
    const req = request(url, { method: 'POST', headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => settle(() => resolve(res.statusCode ?? 0)));
      // A response cut off mid-body never ends: settle on close instead of waiting forever.
      res.on('close', () => {
        if (!res.complete) settle(() => reject(new Error(`response from ${url} was cut off`)));
      });
    });
    // One deadline for the whole call (connect, headers and body), not an idle timeout: a
    // callback trickling bytes must not keep it open either.
    timer = setTimeout(() => {
      const error = new Error(`${url} did not answer within ${timeoutMillis} ms`);
      settle(() => reject(error));
      req.destroy(error);
    }, timeoutMillis);
    req.on('error', (error) => settle(() => reject(error)));
    req.end(body);
  });
}
