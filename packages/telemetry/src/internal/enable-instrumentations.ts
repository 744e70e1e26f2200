import { createRequire } from 'node:module';
import type { MeterProvider, TracerProvider } from '@opentelemetry/api';
import type { LoggerProvider } from '@opentelemetry/api-logs';
import {
  type InstrumentationName,
  type InstrumentationsConfig,
  missingPeerMessage,
  requireOptionalPeer,
} from '@proc/telemetry-config';
import { logger } from './logger.js';

// @proc/telemetry-instrumentations is an optional peer, required when the configuration enables
// an instrumentation: the official instrumentations pin their own @opentelemetry/* dependencies
// exactly (and through @opentelemetry/instrumentation, @opentelemetry/api-logs), so as a
// dependency they would duplicate a user's newer SDK even with none enabled. The ESM build gets
// `createRequire(import.meta.url)` here (tooling/typescript/mark-dist.cjs).
const requireFromHere = createRequire(__filename);

type InstrumentationsModule = typeof import('@proc/telemetry-instrumentations');

/** The instrumentations `initTelemetry()` enabled, until it shuts down. */
export interface EnabledInstrumentations {
  /** Names of the enabled instrumentations (`@opentelemetry/instrumentation-http`, ...). */
  readonly names: readonly string[];
  /** Points every instrumentation at the providers once they exist. */
  useProviders(providers: {
    tracerProvider: TracerProvider;
    meterProvider: MeterProvider;
    loggerProvider: LoggerProvider;
  }): void;
  /** Unpatches them; runs once. */
  disable(): void;
}

/**
 * Enables the instrumentations `config` names **now**, synchronously: `initTelemetry()` calls it
 * before its first `await`, so under `--require` / `--import @proc/telemetry/register` the module
 * hooks are in place before the app loads `http`, `pino` or `kafkajs`. Until `useProviders()`
 * they report through the global API (spans and logs reach the providers once those are
 * registered; metric instruments are made again by `setMeterProvider()`).
 */
export function enableInstrumentations(config: InstrumentationsConfig): EnabledInstrumentations {
  const enabled = Object.entries(config)
    .filter(([, instrumentation]) => instrumentation?.enabled === true)
    .map(([name]) => name as InstrumentationName);
  if (enabled.length === 0) {
    return { names: [], useProviders: () => undefined, disable: () => undefined };
  }
  const name = '@proc/telemetry-instrumentations';
  const loaded = requireOptionalPeer<InstrumentationsModule>(requireFromHere, name);
  if (loaded === undefined) {
    const neededFor = `instrumentations.${enabled[0]}.enabled is true`;
    throw new Error(`@proc/telemetry: ${missingPeerMessage({ name, neededFor })}`);
  }
  const { createInstrumentations } = loaded;
  const instrumentations = createInstrumentations(config);
  // Not registerInstrumentations(): it enables without setting `enabled` in the config, which
  // some instrumentations (undici) read to decide whether to record at all.
  for (const instrumentation of instrumentations) {
    instrumentation.setConfig({ ...instrumentation.getConfig(), enabled: true });
    instrumentation.enable();
  }
  let disabled = false;
  return {
    names: instrumentations.map((instrumentation) => instrumentation.instrumentationName),
    useProviders({ tracerProvider, meterProvider, loggerProvider }) {
      for (const instrumentation of instrumentations) {
        instrumentation.setTracerProvider(tracerProvider);
        instrumentation.setMeterProvider(meterProvider);
        instrumentation.setLoggerProvider?.(loggerProvider);
      }
    },
    disable() {
      if (disabled) return;
      disabled = true;
      for (const instrumentation of instrumentations) {
        try {
          instrumentation.disable();
        } catch (error) {
          logger.error(`shutdown: disabling ${instrumentation.instrumentationName} failed`, error);
        }
      }
    },
  };
}
