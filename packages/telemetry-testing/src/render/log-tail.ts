import type { LogTailOptions, ReceivedLogRecord } from '../types.js';
import { severityLevel } from './severity.js';
import { checkInteger, fit } from './text.js';

/** `severityText` when sent, else the word of `severityNumber`'s range (`UNSET` for 0). */
function severityOf(record: ReceivedLogRecord): string {
  if (record.severityText) return record.severityText.toUpperCase();
  return severityLevel(record.severityNumber);
}

function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body === undefined) return '';
  return JSON.stringify(body, (_key, value) => (typeof value === 'bigint' ? String(value) : value));
}

/** `HH:MM:SS.mmm` of a record's time (its observed time when the time is unset). */
function clock(record: ReceivedLogRecord): string {
  const nanos = record.timeUnixNano > 0n ? record.timeUnixNano : record.observedTimeUnixNano;
  return new Date(Number(nanos / 1_000_000n)).toISOString().slice(11, 23);
}

/**
 * The latest log records as lines, oldest first: time, severity, scope, body and the first 8
 * hex digits of the trace id when the record is correlated with a span, so a line can be found
 * next to its trace in the waterfall.
 *
 * @example
 * console.log(renderLogTail(receiver.logs({ minSeverity: 13 })).join('\n'));
 * // 12:00:01.250 WARN  orders          payment retried                      trace 4bf92f35
 */
export function renderLogTail(
  records: readonly ReceivedLogRecord[],
  options: LogTailOptions = {},
): string[] {
  checkInteger('maxLines', options.maxLines, 1);
  checkInteger('bodyWidth', options.bodyWidth, 1);
  const { maxLines = 10, bodyWidth = 80 } = options;
  if (records.length === 0) return ['(no log records yet)'];
  const shown = records.slice(-maxLines);
  const lines = shown.map((record) => {
    const trace = record.traceId ? `  trace ${record.traceId.slice(0, 8)}` : '';
    return (
      `${clock(record)} ${fit(severityOf(record), 5)} ${fit(record.scope.name, 15)} ` +
      `${fit(bodyText(record.body).replace(/\s+/g, ' '), bodyWidth).trimEnd()}${trace}`
    );
  });
  const hidden = records.length - shown.length;
  return hidden > 0 ? [`… ${hidden} earlier record(s)`, ...lines] : lines;
}
