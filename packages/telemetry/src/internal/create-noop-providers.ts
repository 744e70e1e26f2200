import { createNoopMeter, ProxyTracerProvider } from '@opentelemetry/api';
import { createNoopLogger } from '@opentelemetry/api-logs';
import type { Resource } from '@opentelemetry/resources';
import { isSamplingRatio, type TelemetryConfig } from '@proc/telemetry-config';
import type { TelemetryProviders, TelemetryShutdownReport } from '../types.js';
import { logger } from './logger.js';

/**
 * The `TelemetryProviders` of a disabled SDK (`OTEL_SDK_DISABLED=true`): same shape, no-op
 * tracers, meters and loggers, nothing registered, nothing exported. `onShutdown` runs on the first
 * `shutdown()` so `initTelemetry()` may be called again.
 */
export function createNoopProviders(
  config: TelemetryConfig,
  resource: Resource,
  onShutdown: () => void,
): TelemetryProviders {
  // A proxy provider that is never registered never gets a delegate: its tracers are no-ops.
  const tracerProvider = new ProxyTracerProvider();
  const meter = createNoopMeter();
  const noopLogger = createNoopLogger();
  let shutdownPromise: Promise<TelemetryShutdownReport> | undefined;
  return {
    config,
    resource,
    tracer: (name = config.service.name, version) => tracerProvider.getTracer(name, version),
    meter: () => meter,
    logger: () => noopLogger,
    setSamplingRatio(ratio: number) {
      if (!isSamplingRatio(ratio)) {
        throw new RangeError(
          `@proc/telemetry: setSamplingRatio: ratio must be a number from 0 to 1, got ${String(ratio)}`,
        );
      }
    },
    forceFlush: () => Promise.resolve(),
    exportCounts: () => ({}),
    shutdown() {
      if (shutdownPromise) {
        logger.warn('shutdown() called more than once; telemetry is already shut down');
        return shutdownPromise;
      }
      onShutdown();
      // Nothing was exported, so nothing was lost.
      shutdownPromise = Promise.resolve({ deadlineHit: false, complete: true });
      return shutdownPromise;
    },
  };
}
