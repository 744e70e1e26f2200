// What both servers do with a decoded export request: turn it into records and store them.
import { flattenLogs, flattenMetrics, flattenTraces } from '../flatten.js';
import type { Signal } from '../proto.js';
import type { TelemetryStore } from '../store.js';
import type { ReceiverProtocol } from '../types.js';
import type { DecodedExport } from './decoded-export.js';

/** The records of a request decoded by protobufjs (`decodeProtobufMessage`). */
export function flattenRequest(
  signal: Signal,
  request: Record<string, unknown>,
  protocol: ReceiverProtocol,
): DecodedExport {
  if (signal.kind === 'traces') return { kind: 'traces', ...flattenTraces(request, protocol) };
  if (signal.kind === 'metrics') {
    return { kind: 'metrics', points: flattenMetrics(request, protocol) };
  }
  return { kind: 'logs', records: flattenLogs(request, protocol) };
}

/** Stores the records of one request; returns the `partialSuccess` to answer with, if any. */
export function ingest(store: TelemetryStore, decoded: DecodedExport): Record<string, unknown> {
  if (decoded.kind === 'traces') {
    const { spans, rejected, error } = decoded;
    store.addSpans(spans);
    return rejected > 0 ? { partialSuccess: { rejectedSpans: rejected, errorMessage: error } } : {};
  }
  if (decoded.kind === 'metrics') {
    store.addMetricExport(decoded.points);
    return {};
  }
  store.addLogs(decoded.records);
  return {};
}
