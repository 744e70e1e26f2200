import { logger } from './logger.js';

/**
 * `value` when it is a usable deadline, else `fallback` with a diag warning: `shutdown()` and
 * `forceFlush()` promise never to reject, so a bad timeout is not thrown.
 */
export function timeoutMillis(value: unknown, fallback: number, method: string): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && value > 0 && Number.isFinite(value)) return value;
  logger.warn(
    `${method}: timeoutMillis must be a finite number > 0, got ${String(value)}; using ${fallback}`,
  );
  return fallback;
}
