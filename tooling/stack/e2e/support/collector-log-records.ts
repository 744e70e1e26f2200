import { existsSync, readFileSync } from 'node:fs';
import {
  anyValue,
  type FlatAttributes,
  flatAttributes,
  type OtlpJsonAnyValue,
  type OtlpJsonAttribute,
} from './otlp-json.js';

/** A log record as the collector's `file/logs` exporter wrote it, flattened with its service. */
export interface StoredLogRecord {
  service: string;
  resource: FlatAttributes;
  /** The instrumentation scope's name (`@proc/demo-processor`, `@opentelemetry/instrumentation-pino`, …). */
  scope: string;
  severityNumber?: number;
  severityText?: string;
  body: string | number | boolean;
  attributes: FlatAttributes;
  /** Hex, absent for a record written outside a span. */
  traceId?: string;
  spanId?: string;
  flags?: number;
}

/** One line of the file: an `ExportLogsServiceRequest` in OTLP JSON. */
interface OtlpJsonLogs {
  resourceLogs?: {
    resource?: { attributes?: OtlpJsonAttribute[] };
    scopeLogs?: {
      scope?: { name?: string };
      logRecords?: {
        severityNumber?: number;
        severityText?: string;
        body?: OtlpJsonAnyValue;
        attributes?: OtlpJsonAttribute[];
        traceId?: string;
        spanId?: string;
        flags?: number;
      }[];
    }[];
  }[];
}

function flatten(line: OtlpJsonLogs): StoredLogRecord[] {
  const records: StoredLogRecord[] = [];
  for (const rl of line.resourceLogs ?? []) {
    const resource = flatAttributes(rl.resource?.attributes);
    for (const sl of rl.scopeLogs ?? []) {
      for (const record of sl.logRecords ?? []) {
        records.push({
          service: String(resource['service.name'] ?? ''),
          resource,
          scope: sl.scope?.name ?? '',
          ...(record.severityNumber !== undefined ? { severityNumber: record.severityNumber } : {}),
          ...(record.severityText !== undefined ? { severityText: record.severityText } : {}),
          body: anyValue(record.body),
          attributes: flatAttributes(record.attributes),
          // OTLP JSON leaves out empty ids; the exporter writes them as "".
          ...(record.traceId ? { traceId: record.traceId } : {}),
          ...(record.spanId ? { spanId: record.spanId } : {}),
          ...(record.flags !== undefined ? { flags: record.flags } : {}),
        });
      }
    }
  }
  return records;
}

/**
 * The log records of `service` in the collector's log records file (the stack's
 * `paths.collectorLogRecordsFile`), in the order they were written. A line still being written
 * (no newline yet) is left for the next read.
 */
export function collectorLogRecordsOf(file: string, service: string): StoredLogRecord[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n').slice(0, -1);
  return lines
    .filter((line) => line.trim() !== '')
    .flatMap((line) => flatten(JSON.parse(line) as OtlpJsonLogs))
    .filter((record) => record.service === service);
}
