import { currentTraceIds, SeverityNumber, type TelemetryProviders } from '@proc/telemetry';

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

const SEVERITY: Record<LogLevel, SeverityNumber> = {
  debug: SeverityNumber.DEBUG,
  info: SeverityNumber.INFO,
  warn: SeverityNumber.WARN,
  error: SeverityNumber.ERROR,
};

/** An OpenTelemetry logger, as `telemetry.logger()` returns it. */
export type RecordLogger = ReturnType<TelemetryProviders['logger']>;

/** A field as a log attribute: primitives as they are, anything else as its JSON text. */
function toAttribute(value: unknown): string | number | boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return JSON.stringify(value);
}

function formatValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[\s"=]/.test(text ?? '') ? JSON.stringify(text) : String(text);
}

/**
 * Writes `time level message key=value ... trace_id=… span_id=…`. The ids come from
 * `currentTraceIds()`, so a log line written inside a span can be looked up in the trace
 * backend. With `records`, each line is also emitted as an OpenTelemetry log record (severity,
 * the message as body, the fields as attributes; the active span's ids come with it) and so
 * exported with the `logs` configuration.
 */
export function createLogger(options: {
  write: (line: string) => void;
  level?: LogLevel;
  now?: () => Date;
  records?: RecordLogger;
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
      if (options.records) {
        const attributes: Record<string, string | number | boolean> = {};
        for (const [key, value] of Object.entries(fields)) {
          const attribute = toAttribute(value);
          if (attribute !== undefined) attributes[key] = attribute;
        }
        options.records.emit({
          severityNumber: SEVERITY[level],
          severityText: level.toUpperCase(),
          body: message,
          attributes,
        });
      }
      options.write(
        `${time} ${level.toUpperCase().padEnd(5)} ${message}${pairs.length ? ` ${pairs.join(' ')}` : ''}\n`,
      );
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
