import { currentTraceIds } from '@proc/telemetry';

/** Log levels of the demo, in order. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A logfmt-style logger whose lines carry the active span's trace and span ids. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

function formatValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[\s"=]/.test(text ?? '') ? JSON.stringify(text) : String(text);
}

/**
 * Writes `time level message key=value ... trace_id=… span_id=…`. The ids come from
 * `currentTraceIds()`, so a log line written inside a span can be looked up in the trace
 * backend.
 */
export function createLogger(options: {
  write: (line: string) => void;
  level?: LogLevel;
  now?: () => Date;
}): Logger {
  const min = ORDER[options.level ?? 'info'];
  const now = options.now ?? (() => new Date());
  const log =
    (level: LogLevel) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[level] < min) return;
      const all = { ...fields, ...currentTraceIds() };
      const pairs = Object.entries(all)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${formatValue(v)}`);
      const time = now().toISOString().slice(11, 23);
      options.write(
        `${time} ${level.toUpperCase().padEnd(5)} ${message}${pairs.length ? ` ${pairs.join(' ')}` : ''}\n`,
      );
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
