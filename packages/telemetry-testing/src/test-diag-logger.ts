import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';

/** A diag level that `TestDiagLogger` records messages under. */
export type TestDiagLevel = 'error' | 'warn' | 'info' | 'debug' | 'verbose';

/** One message the `TestDiagLogger` received. */
export interface TestDiagMessage {
  readonly level: TestDiagLevel;
  /** The message and its arguments joined with spaces (see `createTestDiagLogger`). */
  readonly text: string;
}

/** Options of `TestDiagLogger.install()` and `installTestDiagLogger()`. */
export interface TestDiagLoggerOptions {
  /**
   * The most verbose level passed to the logger; messages below it are dropped by the API
   * before they reach it. The default value is `DiagLogLevel.WARN` (warnings and errors).
   */
  logLevel?: DiagLogLevel;
}

/**
 * A `DiagLogger` that keeps every message it receives, by level, for assertions. Install it as
 * the global diag logger with `install()`; `uninstall()` puts back whatever was registered
 * before (or nothing).
 */
export interface TestDiagLogger extends DiagLogger {
  /** Every message received, in order. */
  readonly messages: TestDiagMessage[];
  /** The texts of the messages received at `level`, in order. */
  texts(level: TestDiagLevel): string[];
  /** True when a message at `level` matches `pattern`. */
  has(level: TestDiagLevel, pattern: RegExp): boolean;
  /**
   * Registers this logger as the global diag logger (without the API's "overriding" warning)
   * and returns it. Installing again only changes the level.
   */
  install(options?: TestDiagLoggerOptions): TestDiagLogger;
  /**
   * Restores the diag logger registered before `install()` (or disables diag when there was
   * none). Does nothing when this logger is not installed, or when another logger has replaced
   * it since.
   */
  uninstall(): void;
}

// The API keeps its globals under this symbol (`@opentelemetry/api` 1.x, `global-utils.ts`) and
// offers no getter for the diag logger: reading it is the only way to restore the previous one.
const API_GLOBALS = Symbol.for('opentelemetry.js.api.1');

function registeredDiagLogger(): DiagLogger | undefined {
  const globals = (globalThis as Record<symbol, { diag?: DiagLogger } | undefined>)[API_GLOBALS];
  return globals?.diag;
}

// Errors keep their name and message wherever they are nested (a bare `JSON.stringify` turns
// them into `{}`); bigints print as numbers.
function jsonValue(_key: string, value: unknown): unknown {
  if (value instanceof Error) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return value;
}

function formatArgument(argument: unknown): string {
  if (typeof argument === 'string') return argument;
  if (argument instanceof Error) return String(argument);
  if (typeof argument === 'object' && argument !== null) {
    try {
      return JSON.stringify(argument, jsonValue);
    } catch {
      // circular: fall through
    }
  }
  return String(argument);
}

/**
 * Creates a `TestDiagLogger` that is not installed yet. Each message is recorded as its text and
 * arguments joined with spaces: strings as they are, errors as `Name: message`, objects and arrays
 * as JSON (errors inside them too) where possible, anything else through `String()`.
 */
export function createTestDiagLogger(): TestDiagLogger {
  const messages: TestDiagMessage[] = [];
  const record =
    (level: TestDiagLevel) =>
    (message: string, ...args: unknown[]): void => {
      messages.push({ level, text: [message, ...args].map(formatArgument).join(' ') });
    };
  // `installed` is what the API registered for us (it wraps the logger in a level filter);
  // `previous` is what was registered before the first `install()`.
  let installed: DiagLogger | undefined;
  let previous: DiagLogger | undefined;

  const logger: TestDiagLogger = {
    messages,
    error: record('error'),
    warn: record('warn'),
    info: record('info'),
    debug: record('debug'),
    verbose: record('verbose'),
    texts: (level) => messages.filter((m) => m.level === level).map((m) => m.text),
    has: (level, pattern) => messages.some((m) => m.level === level && pattern.test(m.text)),
    install(options = {}) {
      const current = registeredDiagLogger();
      if (installed === undefined || current !== installed) previous = current;
      diag.setLogger(logger, {
        logLevel: options.logLevel ?? DiagLogLevel.WARN,
        suppressOverrideMessage: true,
      });
      installed = registeredDiagLogger();
      return logger;
    },
    uninstall() {
      if (installed === undefined) return;
      const replaced = registeredDiagLogger() !== installed;
      installed = undefined;
      if (replaced) return;
      if (previous === undefined) {
        diag.disable();
      } else {
        // `previous` already filters by its own level: let everything through to it.
        diag.setLogger(previous, { logLevel: DiagLogLevel.ALL, suppressOverrideMessage: true });
      }
      previous = undefined;
    },
  };
  return logger;
}

/** Creates a `TestDiagLogger` and installs it as the global diag logger. */
export function installTestDiagLogger(options: TestDiagLoggerOptions = {}): TestDiagLogger {
  return createTestDiagLogger().install(options);
}
