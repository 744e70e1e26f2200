import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';

/** Captures diag messages; `install()` makes it the global diag logger until `diag.disable()`. */
export interface TestDiagLogger extends DiagLogger {
  readonly messages: { level: 'error' | 'warn' | 'info' | 'debug' | 'verbose'; text: string }[];
  install(): void;
  texts(level: 'error' | 'warn' | 'info' | 'debug' | 'verbose'): string[];
}

export function createTestDiagLogger(): TestDiagLogger {
  const messages: TestDiagLogger['messages'] = [];
  const log =
    (level: TestDiagLogger['messages'][number]['level']) =>
    (message: string, ...args: unknown[]) => {
      messages.push({ level, text: [message, ...args.map(String)].join(' ') });
    };
  const logger: TestDiagLogger = {
    messages,
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    verbose: log('verbose'),
    install() {
      diag.setLogger(logger, { logLevel: DiagLogLevel.ALL, suppressOverrideMessage: true });
    },
    texts(level) {
      return messages.filter((m) => m.level === level).map((m) => m.text);
    },
  };
  return logger;
}
