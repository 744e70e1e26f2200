import { setTimeout as sleep } from 'node:timers/promises';

/** True when `url` answers 200 within `timeoutMillis`. */
export async function answers200(url: string, timeoutMillis = 2000): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMillis) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * Polls until every URL answers 200 and every probe resolves true. Resolves `'ready'`,
 * `'exited'` as soon as `isRunning()` says the process is gone, or `'timeout'` at the deadline.
 */
export async function waitReady(
  urls: readonly string[],
  options: {
    timeoutMillis: number;
    isRunning: () => boolean;
    intervalMillis?: number;
    /** Checks other than HTTP (a Kafka metadata request). Default none. */
    probes?: readonly (() => Promise<boolean>)[];
  },
): Promise<'ready' | 'exited' | 'timeout'> {
  const deadline = Date.now() + options.timeoutMillis;
  while (Date.now() < deadline) {
    if (!options.isRunning()) return 'exited';
    const results = await Promise.all([
      ...urls.map((url) => answers200(url)),
      ...(options.probes ?? []).map((probe) => probe()),
    ]);
    if (results.every(Boolean)) return 'ready';
    await sleep(options.intervalMillis ?? 250);
  }
  return 'timeout';
}
