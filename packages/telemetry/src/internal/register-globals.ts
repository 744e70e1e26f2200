import {
  type ContextManager,
  context,
  type MeterProvider,
  metrics,
  propagation,
  type TextMapPropagator,
  type TracerProvider,
  trace,
} from '@opentelemetry/api';
import { type LoggerProvider, logs } from '@opentelemetry/api-logs';
import { logger } from './logger.js';

/** What `initTelemetry()` registers as the OpenTelemetry globals. */
export interface GlobalParts {
  tracerProvider: TracerProvider;
  meterProvider: MeterProvider;
  loggerProvider: LoggerProvider;
  propagator: TextMapPropagator;
  contextManager: ContextManager;
}

/**
 * Registers the five globals. One that is already registered (by another SDK, or a test that
 * did not clean up) is left alone with a warning: the API refuses to replace it. Returns the
 * function that unregisters exactly the globals registered here.
 */
export function registerGlobals(parts: GlobalParts): () => void {
  const undo: Array<() => void> = [];
  const register = (name: string, ok: boolean, disable: () => void) => {
    if (ok) {
      undo.push(disable);
    } else {
      logger.warn(
        `a global ${name} was already registered, so it was kept; use telemetry.tracer() / ` +
          'telemetry.meter() / telemetry.logger(), or call initTelemetry() before any other OpenTelemetry set-up',
      );
    }
  };
  register('tracer provider', trace.setGlobalTracerProvider(parts.tracerProvider), () =>
    trace.disable(),
  );
  register('meter provider', metrics.setGlobalMeterProvider(parts.meterProvider), () =>
    metrics.disable(),
  );
  // The logs API answers with the provider already registered instead of false.
  const loggerProviderSet =
    logs.setGlobalLoggerProvider(parts.loggerProvider) === parts.loggerProvider;
  register('logger provider', loggerProviderSet, () => logs.disable());
  register('propagator', propagation.setGlobalPropagator(parts.propagator), () =>
    propagation.disable(),
  );
  const contextManagerSet = context.setGlobalContextManager(parts.contextManager);
  register('context manager', contextManagerSet, () => context.disable());
  // An enabled manager nobody uses would keep its AsyncLocalStorage alive.
  if (!contextManagerSet) parts.contextManager.disable();
  return () => {
    for (const disable of undo.splice(0)) disable();
  };
}
