// What both servers do with a decoded export request: flatten it into the store.
import { flattenLogs, flattenMetrics, flattenTraces } from '../flatten.js';
import type { Signal } from '../proto.js';
import type { TelemetryStore } from '../store.js';
import type { ReceiverProtocol } from '../types.js';

/** Stores a decoded request; returns the `partialSuccess` to answer with, if any. */
export function ingest(
  store: TelemetryStore,
  signal: Signal,
  request: Record<string, unknown>,
  protocol: ReceiverProtocol,
): Record<string, unknown> {
  if (signal.kind === 'traces') {
    const { spans, rejected, error } = flattenTraces(request, protocol);
    store.addSpans(spans);
    return rejected > 0 ? { partialSuccess: { rejectedSpans: rejected, errorMessage: error } } : {};
  }
  if (signal.kind === 'metrics') {
    store.addMetricExport(flattenMetrics(request, protocol));
    return {};
  }
  store.addLogs(flattenLogs(request, protocol));
  return {};
}
