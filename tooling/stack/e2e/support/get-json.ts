/** GETs JSON from a service of the stack; a non-200 answer is an error naming the URL. */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(`GET ${url}: ${response.status} ${body.slice(0, 500)}`);
  return JSON.parse(body) as T;
}
