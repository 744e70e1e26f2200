import type { Instrumentation } from '@opentelemetry/instrumentation';
import type { InstrumentationName, InstrumentationsConfig } from '@proc/telemetry-config';
import { FACTORIES } from './internal/factories.js';

/** The names this package can build, in the order they are built. */
export const INSTRUMENTATION_NAMES: readonly InstrumentationName[] = [
  'http',
  'undici',
  'kafkajs',
  'pino',
  'runtime-node',
];

/**
 * The official instrumentations that `config` enables (the `instrumentations` section of
 * `@proc/telemetry-config`; all off by default), each constructed **disabled**: nothing is
 * patched until each is enabled: `setConfig({ ...getConfig(), enabled: true })`, then `enable()`
 * (undici records only when its config says `enabled`, which `registerInstrumentations()` of
 * `@opentelemetry/instrumentation` leaves false), as `@proc/telemetry` does. Enable them before
 * the app loads the modules they patch (`http`, `pino`, `kafkajs`): for ES modules that takes the
 * module hook of `@proc/telemetry/register`.
 *
 * They report through the global providers unless given their own (`setTracerProvider()`,
 * `setMeterProvider()`, `setLoggerProvider()`).
 *
 * @example
 * for (const instrumentation of createInstrumentations(config.instrumentations)) {
 *   instrumentation.setConfig({ ...instrumentation.getConfig(), enabled: true });
 *   instrumentation.enable();
 * }
 */
export function createInstrumentations(config: InstrumentationsConfig): Instrumentation[] {
  return INSTRUMENTATION_NAMES.filter((name) => config[name]?.enabled === true).map((name) =>
    FACTORIES[name](),
  );
}
