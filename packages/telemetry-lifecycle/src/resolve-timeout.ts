import type { DiagLogger } from '@opentelemetry/api';

/**
 * The one timeout rule: `value` when it is a usable deadline (a finite number > 0), `fallback`
 * when it is absent, and `fallback` with a diag warning naming the method otherwise. Flush,
 * shutdown and detection promise never to throw, so a bad deadline is not thrown either, and a
 * NaN, zero or negative deadline would abandon the work at once.
 */
export function resolveTimeout(
  value: unknown,
  fallback: number,
  method: string,
  logger: DiagLogger,
): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  logger.warn(
    `${method}: timeoutMillis must be a finite number > 0, got ${String(value)}; using ${fallback}`,
  );
  return fallback;
}
