import type { MeterProvider } from '@opentelemetry/sdk-metrics';
import type { MetricsHandle } from '../types.js';
import { logger } from './diag.js';
import { withDeadline } from './with-deadline.js';

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
      const timeoutMillis = options.timeoutMillis ?? defaultTimeoutMillis;
      return withDeadline(provider.forceFlush({ timeoutMillis }), timeoutMillis, 'forceFlush()');
    },
    shutdown(options = {}) {
      if (shutdownPromise !== undefined) {
        logger.warn('shutdown() was already called; ignoring this call');
        return shutdownPromise;
      }
      const timeoutMillis = options.timeoutMillis ?? defaultTimeoutMillis;
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
