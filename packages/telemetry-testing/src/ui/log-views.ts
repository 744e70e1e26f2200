// The log records of the web view, newest first, with what it needs to jump to their trace.

import { severityLevel } from '../render/severity.js';
import type { ReceivedLogRecord } from '../types.js';
import { jsonAttributes, jsonValue, nanosToMillis } from './json-values.js';
import type { LinkTargets } from './trace-views.js';

/** What the log filter holds (already validated). */
export interface LogQuery {
  text?: string;
  traceId?: string;
  minSeverity?: number;
}

function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body === undefined) return '';
  return JSON.stringify(jsonValue(body));
}

export function logView(record: ReceivedLogRecord, targets: LinkTargets) {
  const nanos = record.timeUnixNano > 0n ? record.timeUnixNano : record.observedTimeUnixNano;
  return {
    timeMillis: nanosToMillis(nanos),
    severityNumber: record.severityNumber,
    level: severityLevel(record.severityNumber),
    severityText: record.severityText ?? '',
    body: bodyText(record.body),
    eventName: record.eventName ?? '',
    traceId: record.traceId ?? '',
    spanId: record.spanId ?? '',
    traceReceived: record.traceId !== undefined && targets.traces.has(record.traceId),
    service: String(record.resource['service.name'] ?? ''),
    scope: record.scope.name,
    attributes: jsonAttributes(record.attributes),
    resource: jsonAttributes(record.resource),
  };
}

/** The records matching `query`, newest first, the first `max`; and how many matched. */
export function selectLogs(
  records: readonly ReceivedLogRecord[],
  query: LogQuery,
  max: number,
): { matched: ReceivedLogRecord[]; count: number } {
  const text = query.text?.trim().toLowerCase() ?? '';
  const matched: ReceivedLogRecord[] = [];
  let count = 0;
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i]!;
    if (query.traceId !== undefined && r.traceId !== query.traceId) continue;
    if (query.minSeverity !== undefined && r.severityNumber < query.minSeverity) continue;
    if (text && !bodyText(r.body).toLowerCase().includes(text)) continue;
    count++;
    if (matched.length < max) matched.push(r);
  }
  return { matched, count };
}
