import type { ExportOptions } from '../types.js';
import type { EnvReader } from './env-reader.js';
import { COMPRESSIONS, EXPECTED, HEADER_NAME, HEADER_VALUE, PROTOCOLS } from './fields.js';
import { parseKeyValueList } from './key-value-list.js';

/** `OTEL_EXPORTER_OTLP_HEADERS`-style list; the whole value is discarded when malformed. */
function readHeaders(r: EnvReader, name: string): Record<string, string> | undefined {
  const value = r.raw(name);
  if (value === undefined) return undefined;
  const parsed = parseKeyValueList(
    value,
    (key) => HEADER_NAME.test(key),
    (v) => HEADER_VALUE.test(v),
  );
  if (parsed.ok) return parsed.values;
  return r.reject(
    name,
    value,
    `a list of name=value pairs, percent-encoded, separated by "," (${parsed.reason})`,
    true,
  );
}

/** `PROC_TELEMETRY_RETRY_*` (generic) or `PROC_TELEMETRY_TRACES_RETRY_*` (one signal's). */
function readRetryEnv(r: EnvReader, signal: string | undefined): ExportOptions['retry'] {
  const p = signal === undefined ? 'PROC_TELEMETRY_RETRY_' : `PROC_TELEMETRY_${signal}_RETRY_`;
  const duration = (name: string) => r.integer(`${p}${name}`, 1, undefined, EXPECTED.duration);
  return {
    maxAttempts: r.integer(`${p}MAX_ATTEMPTS`, 1, undefined, EXPECTED.size),
    initialBackoffMillis: duration('INITIAL_BACKOFF_MILLIS'),
    maxBackoffMillis: duration('MAX_BACKOFF_MILLIS'),
    budgetMillis: duration('BUDGET_MILLIS'),
  };
}

/**
 * The OTLP exporter variables for one prefix: `OTEL_EXPORTER_OTLP_*` (generic, when `signal`
 * is omitted) or `OTEL_EXPORTER_OTLP_TRACES_*` / `OTEL_EXPORTER_OTLP_METRICS_*` /
 * `OTEL_EXPORTER_OTLP_LOGS_*`, and the queue and retry variables of the same scope
 * (`PROC_TELEMETRY_MAX_QUEUE_BYTES` / `PROC_TELEMETRY_TRACES_MAX_QUEUE_BYTES`..., the same
 * with `_WHILE_FAILING`,
 * `PROC_TELEMETRY_RETRY_*` / `PROC_TELEMETRY_TRACES_RETRY_*`...).
 * https://opentelemetry.io/docs/specs/otel/protocol/exporter/
 */
export function readExportEnv(r: EnvReader, signal?: 'TRACES' | 'METRICS' | 'LOGS'): ExportOptions {
  const p = signal === undefined ? 'OTEL_EXPORTER_OTLP_' : `OTEL_EXPORTER_OTLP_${signal}_`;
  return {
    endpoint: r.endpoint(`${p}ENDPOINT`),
    protocol: r.enumValue(`${p}PROTOCOL`, PROTOCOLS),
    headers: readHeaders(r, `${p}HEADERS`),
    compression: r.enumValue(`${p}COMPRESSION`, COMPRESSIONS),
    timeoutMillis: r.integer(`${p}TIMEOUT`, 1, undefined, EXPECTED.duration),
    tls: {
      // Checked now, while the variable is known: an unreadable file is ignored, not fatal later.
      certificateFile: r.file(`${p}CERTIFICATE`),
      clientKeyFile: r.file(`${p}CLIENT_KEY`),
      clientCertificateFile: r.file(`${p}CLIENT_CERTIFICATE`),
      insecure: r.boolean(`${p}INSECURE`),
    },
    maxQueueBytes: r.integer(
      signal === undefined
        ? 'PROC_TELEMETRY_MAX_QUEUE_BYTES'
        : `PROC_TELEMETRY_${signal}_MAX_QUEUE_BYTES`,
      1,
      undefined,
      EXPECTED.size,
    ),
    maxQueueBytesWhileFailing: r.integer(
      signal === undefined
        ? 'PROC_TELEMETRY_MAX_QUEUE_BYTES_WHILE_FAILING'
        : `PROC_TELEMETRY_${signal}_MAX_QUEUE_BYTES_WHILE_FAILING`,
      1,
      undefined,
      EXPECTED.size,
    ),
    retry: readRetryEnv(r, signal),
  };
}
