import {
  type ConfigWarning,
  loadConfig,
  logConfigWarning,
  validateLogsConfig,
} from '@proc/telemetry-config';
import { createContextManager, createPropagator } from '@proc/telemetry-context';
import { createExemplarSpanProcessor, initMeterProvider } from '@proc/telemetry-metrics';
import { loadOtlpTransport } from '@proc/telemetry-otlp';
import { initTracerProvider } from '@proc/telemetry-tracing';
import { buildResource } from './internal/build-resource.js';
import { createLazyLogs } from './internal/create-lazy-logs.js';
import { createLiveProviders } from './internal/create-live-providers.js';
import { createNoopProviders } from './internal/create-noop-providers.js';
import { installDiagLogger } from './internal/diag-logger.js';
import { enableInstrumentations } from './internal/enable-instrumentations.js';
import { logger } from './internal/logger.js';
import { registerGlobals } from './internal/register-globals.js';
import { installSignalHandlers, signalsOf } from './internal/signal-handlers.js';
import type { InitTelemetryOptions, TelemetryProviders } from './types.js';

/** Default of `shutdownTimeoutMillis`: well inside `docker stop`'s 10 s grace period. */
const DEFAULT_SHUTDOWN_TIMEOUT_MILLIS = 5000;

/** The instance of this process, from `initTelemetry()` until its `shutdown()` finished. */
let current: Promise<TelemetryProviders> | undefined;

/**
 * Sets up OpenTelemetry for the process in one call: loads the configuration (code, `OTEL_*`
 * variables, config file), registers a console diag logger at `logLevel` (unless a diag logger
 * is already registered), builds the resource (service, detected process/host/OS/container
 * attributes, `processor.*`), the tracer provider, the meter provider, the logger provider (its
 * pipeline built on the first logger asked for, or at once with `logRecordProcessors`), the
 * configured propagators and the `AsyncLocalStorage` context manager, and registers all five as
 * the OpenTelemetry globals, so `trace.getTracer()`, `metrics.getMeter()`, `logs.getLogger()`
 * (`@opentelemetry/api-logs`), `spanBuilder()`,
 * `injectIntoHeaders()` and `withContext()` use them. The official instrumentations named in
 * `config.instrumentations` (`OTEL_NODE_ENABLED_INSTRUMENTATIONS`; none by default) are enabled
 * synchronously, before this function's first `await`, and disabled again by `shutdown()`.
 *
 * With `OTEL_SDK_DISABLED=true` (`config.disabled`) it registers nothing and returns no-op
 * providers of the same shape.
 *
 * Calling it again before the first instance's `shutdown()` finished warns through diag and
 * returns the first instance; the new options are ignored. After `shutdown()` it may be called
 * again.
 *
 * @throws TelemetryConfigError (rejects) listing every invalid value of the configuration given
 * in code or in the config file. Invalid `OTEL_*` variables only warn. Invalid code-only options
 * (`processor`, `views`, `shutdownTimeoutMillis`) reject with a `TypeError` or `RangeError`.
 *
 * @example
 * const telemetry = await initTelemetry({
 *   config: { service: { name: 'order-enricher' } },
 *   processor: { name: 'order-enricher', pipelineId: 'orders' },
 *   shutdownOnSignals: true,
 * });
 */
export function initTelemetry(options: InitTelemetryOptions = {}): Promise<TelemetryProviders> {
  if (current !== undefined) {
    logger.warn(
      'initTelemetry() was already called; returning the first instance (the options of this call are ignored)',
    );
    return current;
  }
  const pending: Promise<TelemetryProviders> = start(options, () => {
    if (current === pending) current = undefined;
  });
  current = pending;
  pending.catch(() => {
    if (current === pending) current = undefined;
  });
  return pending;
}

function shutdownTimeoutOf(options: InitTelemetryOptions): number {
  const value = options.shutdownTimeoutMillis ?? DEFAULT_SHUTDOWN_TIMEOUT_MILLIS;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(
      `@proc/telemetry: shutdownTimeoutMillis must be a finite number > 0, got ${String(value)}`,
    );
  }
  return value;
}

async function start(
  options: InitTelemetryOptions,
  forget: () => void,
): Promise<TelemetryProviders> {
  const warnings: ConfigWarning[] = [];
  const config = loadConfig({
    config: options.config,
    file: options.file,
    env: options.env,
    onWarning: (warning) => warnings.push(warning),
  });
  const shutdownTimeoutMillis = shutdownTimeoutOf(options);
  const signals = signalsOf(options.shutdownOnSignals);

  if (config.disabled) {
    const resource = await buildResource(config, options.processor, false);
    return createNoopProviders(config, resource, forget);
  }

  const uninstallDiagLogger = installDiagLogger(config.logLevel);
  // loadConfig reported these to diag before there was a logger to receive them.
  if (uninstallDiagLogger) for (const warning of warnings) logConfigWarning(warning);
  const cleanups: Array<() => void> = [() => uninstallDiagLogger?.()];
  try {
    // Before the first await: the module hooks must be in place before the app loads what they
    // patch (a `--require` preload runs only up to here before the app's main module).
    const instrumentations = enableInstrumentations(config.instrumentations);
    cleanups.unshift(() => instrumentations.disable());
    // Only a live SDK registers a propagator; the disabled one does not build it.
    const propagator = createPropagator(config.propagators);
    const resource = await buildResource(config, options.processor, true);
    // A gRPC export needs an optional peer dependency: a missing one fails start-up, naming it.
    for (const signal of ['traces', 'metrics', 'logs'] as const) {
      const section = config[signal];
      const exporters: readonly string[] = section.exporter;
      if (section.enabled && exporters.includes('otlp')) {
        await loadOtlpTransport(section.export, `${signal}.export`);
      }
    }
    const selfTelemetry = config.selfTelemetry.enabled;
    // Metrics first: the tracer provider records the SDK's health metrics on this provider.
    const metrics = initMeterProvider(config.metrics, resource, {
      views: options.views ?? [],
      // One shutdown line for every signal, logged here.
      shutdownSummary: false,
      selfTelemetry,
    });
    cleanups.unshift(() => void metrics.shutdown({ timeoutMillis: shutdownTimeoutMillis }));
    const tracing = initTracerProvider(config.traces, resource, {
      // First of the extra processors: it notes each span's start, so an exemplar recorded
      // inside a span gets a time on the span's own clock (within its start and end).
      spanProcessors: [createExemplarSpanProcessor(), ...(options.spanProcessors ?? [])],
      shutdownSummary: false,
      ...(selfTelemetry ? { meterProvider: metrics.provider } : {}),
      ...(options.idGenerator ? { idGenerator: options.idGenerator } : {}),
    });
    cleanups.unshift(() => void tracing.shutdown({ timeoutMillis: shutdownTimeoutMillis }));
    // Checked now, built on the first logger asked for: a bad logs section still fails here.
    validateLogsConfig(config.logs);
    const logs = createLazyLogs({
      config: config.logs,
      resource,
      logRecordProcessors: options.logRecordProcessors ?? [],
      ...(selfTelemetry ? { meterProvider: metrics.provider } : {}),
    });
    const unregisterGlobals = registerGlobals({
      tracerProvider: tracing.provider,
      meterProvider: metrics.provider,
      loggerProvider: logs.provider,
      propagator,
      contextManager: createContextManager(),
    });
    instrumentations.useProviders({
      tracerProvider: tracing.provider,
      meterProvider: metrics.provider,
      loggerProvider: logs.provider,
    });
    let removeSignalHandlers = () => {};
    const telemetry = createLiveProviders({
      config,
      resource,
      tracing,
      metrics,
      logs,
      shutdownTimeoutMillis,
      release() {
        removeSignalHandlers();
        instrumentations.disable();
        unregisterGlobals();
        uninstallDiagLogger?.();
        forget();
      },
    });
    removeSignalHandlers = installSignalHandlers(signals, async () => {
      await telemetry.shutdown();
    });
    return telemetry;
  } catch (error) {
    for (const cleanup of cleanups) cleanup();
    throw error;
  }
}
