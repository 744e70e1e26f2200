import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';

/** Collects warnings sent to the global diag logger. Call `diag.disable()` after each test. */
export class TestDiagLogger implements DiagLogger {
  readonly warnings: string[] = [];

  /** Installs this logger globally at WARN level and returns it. */
  static install(): TestDiagLogger {
    const logger = new TestDiagLogger();
    diag.setLogger(logger, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
    return logger;
  }

  error(): void {}
  warn(message: string, ...args: unknown[]): void {
    this.warnings.push([message, ...args.map(String)].join(' '));
  }
  info(): void {}
  debug(): void {}
  verbose(): void {}
}
