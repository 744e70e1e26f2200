import { type DiagLogger, DiagLogLevel, diag } from '@opentelemetry/api';

/** Collects diag messages (level + joined text); install with `installTestDiagLogger()`. */
export interface TestDiagLogger {
  messages: Array<{ level: string; text: string }>;
  has(level: string, pattern: RegExp): boolean;
}

export function installTestDiagLogger(level = DiagLogLevel.WARN): TestDiagLogger {
  const messages: TestDiagLogger['messages'] = [];
  const collect =
    (name: string) =>
    (...args: unknown[]) => {
      messages.push({
        level: name,
        text: args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '),
      });
    };
  const logger: DiagLogger = {
    error: collect('error'),
    warn: collect('warn'),
    info: collect('info'),
    debug: collect('debug'),
    verbose: collect('verbose'),
  };
  diag.setLogger(logger, { logLevel: level, suppressOverrideMessage: true });
  return {
    messages,
    has: (name, pattern) => messages.some((m) => m.level === name && pattern.test(m.text)),
  };
}
