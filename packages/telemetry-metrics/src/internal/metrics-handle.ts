import type { MeterProvider } from '@opentelemetry/sdk-metrics';
import type { MetricsHandle, MetricsTimeoutOptions } from '../types.js';
import { logger } from './diag.js';
import { withDeadline } from './with-deadline.js';

/**
 * The deadline `options` ask for, or `fallback`. A value that is not a finite number > 0 is
 * reported with a diag warning naming the option and replaced by `fallback`: flush and shutdown
 * never reject, and a NaN or negative deadline would abandon the export at once.
 */
function timeoutOf(
  options: MetricsTimeoutOptions,
  fallback: number,
  method: 'forceFlush()' | 'shutdown()',
): number {
  const value: unknown = options.timeoutMillis;
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  logger.warn(
    `${method}: timeoutMillis must be a finite number > 0, got ${String(value)}; using ${fallback}`,
  );
  return fallback;
}

/** Wraps `provider` in a handle whose flush and shutdown are bounded and never reject. */
export function createMetricsHandle(
  provider: MeterProvider,
  defaultTimeoutMillis: number,
): MetricsHandle {
  let shutdownPromise: Promise<void> | undefined;
  return {
    provider,
    getMeter: (name, version, options) => provider.getMeter(name, version, options),
    forceFlush(options = {}) {
      if (shutdownPromise !== undefined) {
        logger.warn('forceFlush() called after shutdown(); nothing to flush');
        return Promise.resolve();
      }
      const timeoutMillis = timeoutOf(options, defaultTimeoutMillis, 'forceFlush()');
      return withDeadline(provider.forceFlush({ timeoutMillis }), timeoutMillis, 'forceFlush()');
    },
    shutdown(options = {}) {
      if (shutdownPromise !== undefined) {
        logger.warn('shutdown() was already called; ignoring this call');
        return shutdownPromise;
      }
      const timeoutMillis = timeoutOf(options, defaultTimeoutMillis, 'shutdown()');
      // MeterProvider.shutdown() makes every reader collect and export once more before stopping.
      shutdownPromise = withDeadline(
        provider.shutdown({ timeoutMillis }),
        timeoutMillis,
        'shutdown()',
      );
      return shutdownPromise;
    },
  };
}
