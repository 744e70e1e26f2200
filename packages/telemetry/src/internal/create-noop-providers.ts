import { createNoopMeter, ProxyTracerProvider } from '@opentelemetry/api';
import { createNoopLogger } from '@opentelemetry/api-logs';
import type { Resource } from '@opentelemetry/resources';
import { isSamplingRatio, type TelemetryConfig } from '@proc/telemetry-config';
import { createLifecycle } from '@proc/telemetry-lifecycle';
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
  // The shared lifecycle, so a second shutdown() is answered as every handle answers it.
  const lifecycle = createLifecycle<TelemetryShutdownReport>({
    logger,
    shutdownTimeoutMillis: 1000,
    flush: () => Promise.resolve(),
    shutdown: async () => onShutdown(),
    // Nothing was exported, so nothing was lost.
    afterShutdown: () => ({ deadlineHit: false, complete: true }),
  });
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
    // afterShutdown cannot throw, so the report is always there; the first promise is returned
    // to every call.
    shutdown: (options) => lifecycle.shutdown(options) as Promise<TelemetryShutdownReport>,
  };
}
