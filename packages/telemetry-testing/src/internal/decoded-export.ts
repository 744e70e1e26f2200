// What an export request decodes to, whichever encoding it came in: the receiver's records.
import type { ReceivedLogRecord, ReceivedMetricPoint, ReceivedSpan } from '../types.js';

/** The spans of a trace export, and how many were rejected for invalid ids (with why). */
export interface DecodedSpans {
  spans: ReceivedSpan[];
  rejected: number;
  error?: string;
}

/** The records of one export request, by signal. */
export type DecodedExport =
  | ({ kind: 'traces' } & DecodedSpans)
  | { kind: 'metrics'; points: ReceivedMetricPoint[] }
  | { kind: 'logs'; records: ReceivedLogRecord[] };
