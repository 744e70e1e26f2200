import { DiagConsoleLogger, type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';
import type { LogLevel } from '@proc/telemetry-config';

const LEVELS: Record<LogLevel, DiagLogLevel> = {
  none: DiagLogLevel.NONE,
  error: DiagLogLevel.ERROR,
  warn: DiagLogLevel.WARN,
  info: DiagLogLevel.INFO,
  debug: DiagLogLevel.DEBUG,
  verbose: DiagLogLevel.VERBOSE,
  all: DiagLogLevel.ALL,
};

// The API keeps its globals under this symbol (`@opentelemetry/api` 1.x, `global-utils.ts`);
// it offers no getter for the diag logger, and `setLogger` would silently replace the user's.
const API_GLOBALS = Symbol.for('opentelemetry.js.api.1');

/** True when someone (the user, another SDK) has registered a diag logger. */
export function hasDiagLogger(): boolean {
  const globals = (globalThis as Record<symbol, { diag?: unknown } | undefined>)[API_GLOBALS];
  return globals?.diag !== undefined;
}

/**
 * Registers `logger` (default: a console diag logger) at `level` unless a diag logger is already registered (that
 * one keeps its own level). Returns the function that removes it again, or `undefined` when
 * nothing was registered.
 */
export function installDiagLogger(
  level: LogLevel,
  logger: DiagLogger = new DiagConsoleLogger(),
): (() => void) | undefined {
  if (hasDiagLogger() || level === 'none') return undefined;
  diag.setLogger(logger, { logLevel: LEVELS[level], suppressOverrideMessage: true });
  return () => diag.disable();
}
