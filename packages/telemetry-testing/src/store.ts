// In-memory store of what the receiver was sent, with the query and wait helpers.
import { buildTrees } from './tree.js';
import type {
  LogFilter,
  ReceivedLogRecord,
  ReceivedMetricPoint,
  ReceivedSpan,
  SpanFilter,
  SpanTreeNode,
  WaitForLogsOptions,
  WaitForMetricOptions,
  WaitForSpansOptions,
} from './types.js';

const DEFAULT_TIMEOUT_MS = 5000;

/** Appends `items` to `list`, dropping the oldest entries past `max`. */
function append<T>(list: T[], items: readonly T[], max: number): void {
  list.push(...items);
  if (list.length > max) list.splice(0, list.length - max);
}

function describeFilter(filter: SpanFilter): string {
  const parts: string[] = [];
  if (filter.name !== undefined) parts.push(`name "${filter.name}"`);
  if (filter.traceId !== undefined) parts.push(`trace id ${filter.traceId}`);
  return parts.length ? ` with ${parts.join(' and ')}` : '';
}

/** Whether `record` has every field `filter` gives. */
function matchesLog(record: ReceivedLogRecord, filter: LogFilter): boolean {
  const { body, traceId, spanId, minSeverity, scope } = filter;
  if (body !== undefined) {
    if (
      typeof body === 'string'
        ? record.body !== body
        : !(typeof record.body === 'string' && body.test(record.body))
    ) {
      return false;
    }
  }
  if (traceId !== undefined && record.traceId !== traceId.toLowerCase()) return false;
  if (spanId !== undefined && record.spanId !== spanId.toLowerCase()) return false;
  if (minSeverity !== undefined && record.severityNumber < minSeverity) return false;
  return scope === undefined || record.scope.name === scope;
}

function describeLogFilter(filter: LogFilter): string {
  const parts = Object.entries(filter)
    .filter(([, value]) => value !== undefined)
    .map(
      ([key, value]) => `${key} ${value instanceof RegExp ? String(value) : JSON.stringify(value)}`,
    );
  return parts.length ? ` with ${parts.join(' and ')}` : '';
}

/** Holds spans, metric points and log records, and wakes up waiters as they arrive. */
export class TelemetryStore {
  private spanList: ReceivedSpan[] = [];
  private pointList: ReceivedMetricPoint[] = [];
  private latestMetric = new Map<string, ReceivedMetricPoint[]>();
  private logList: ReceivedLogRecord[] = [];
  private listeners = new Set<() => void>();
  private received = { spans: 0, metricPoints: 0, logs: 0 };

  /** @param maxRecords - spans, metric points and log records kept, each; the oldest go first. */
  constructor(private readonly maxRecords = Number.POSITIVE_INFINITY) {}

  addSpans(spans: ReceivedSpan[]): void {
    if (spans.length === 0) return;
    this.received.spans += spans.length;
    append(this.spanList, spans, this.maxRecords);
    this.notify();
  }

  /** Adds the points of one export request. */
  addMetricExport(points: ReceivedMetricPoint[]): void {
    if (points.length === 0) return;
    this.received.metricPoints += points.length;
    append(this.pointList, points, this.maxRecords);
    const byName = new Map<string, ReceivedMetricPoint[]>();
    for (const point of points) {
      const group = byName.get(point.name) ?? [];
      group.push(point);
      byName.set(point.name, group);
    }
    for (const [name, group] of byName) this.latestMetric.set(name, group);
    this.notify();
  }

  addLogs(records: ReceivedLogRecord[]): void {
    if (records.length === 0) return;
    this.received.logs += records.length;
    append(this.logList, records, this.maxRecords);
    this.notify();
  }

  spans(filter: SpanFilter = {}): ReceivedSpan[] {
    const traceId = filter.traceId?.toLowerCase();
    return this.spanList.filter(
      (s) =>
        (filter.name === undefined || s.name === filter.name) &&
        (traceId === undefined || s.traceId === traceId),
    );
  }

  waitForSpans(n: number, options: WaitForSpansOptions = {}): Promise<ReceivedSpan[]> {
    const { timeoutMs = DEFAULT_TIMEOUT_MS, ...filter } = options;
    return this.waitFor(
      () => {
        const matching = this.spans(filter);
        return matching.length >= n ? matching : undefined;
      },
      timeoutMs,
      () => {
        const matching = this.spans(filter).length;
        const names = [...new Set(this.spanList.map((s) => s.name))].slice(0, 20);
        return (
          `waitForSpans: timed out after ${timeoutMs} ms waiting for ${n} span(s)` +
          `${describeFilter(filter)}; ${matching} matched, ${this.spanList.length} received in all` +
          (names.length ? ` (names: ${names.map((x) => JSON.stringify(x)).join(', ')})` : '')
        );
      },
    );
  }

  traceTree(traceId: string): SpanTreeNode[] {
    return buildTrees(this.spans({ traceId }));
  }

  metricPoints(filter: { name?: string } = {}): ReceivedMetricPoint[] {
    return filter.name === undefined
      ? [...this.pointList]
      : this.pointList.filter((p) => p.name === filter.name);
  }

  metric(name: string): ReceivedMetricPoint[] {
    return [...(this.latestMetric.get(name) ?? [])];
  }

  /** Names of every metric seen, with the points of its latest export. */
  latestMetrics(): Map<string, ReceivedMetricPoint[]> {
    return new Map(this.latestMetric);
  }

  waitForMetric(name: string, options: WaitForMetricOptions = {}): Promise<ReceivedMetricPoint[]> {
    const { timeoutMs = DEFAULT_TIMEOUT_MS, predicate = (points) => points.length > 0 } = options;
    return this.waitFor(
      () => {
        const points = this.metric(name);
        return points.length > 0 && predicate(points) ? points : undefined;
      },
      timeoutMs,
      () => {
        const names = [...this.latestMetric.keys()].slice(0, 20);
        const seen = this.latestMetric.has(name)
          ? `"${name}" arrived but its latest points did not satisfy the predicate`
          : `"${name}" never arrived`;
        return (
          `waitForMetric: timed out after ${timeoutMs} ms; ${seen}` +
          ` (metrics received: ${names.length ? names.map((x) => JSON.stringify(x)).join(', ') : 'none'})`
        );
      },
    );
  }

  /** How many spans, metric points and log records arrived since the start (or `clear()`). */
  totals(): { spans: number; metricPoints: number; logs: number } {
    return { ...this.received };
  }

  logs(filter: LogFilter = {}): ReceivedLogRecord[] {
    return this.logList.filter((record) => matchesLog(record, filter));
  }

  waitForLogs(n: number, options: WaitForLogsOptions = {}): Promise<ReceivedLogRecord[]> {
    const { timeoutMs = DEFAULT_TIMEOUT_MS, ...filter } = options;
    return this.waitFor(
      () => {
        const matching = this.logs(filter);
        return matching.length >= n ? matching : undefined;
      },
      timeoutMs,
      () => {
        const bodies = this.logList
          .slice(-5)
          .map((r) => JSON.stringify(String(r.body)).slice(0, 60));
        return (
          `waitForLogs: timed out after ${timeoutMs} ms waiting for ${n} log record(s)` +
          `${describeLogFilter(filter)}; ${this.logs(filter).length} matched, ` +
          `${this.logList.length} received in all` +
          (bodies.length ? ` (latest bodies: ${bodies.join(', ')})` : '')
        );
      },
    );
  }

  clear(): void {
    this.spanList = [];
    this.pointList = [];
    this.latestMetric.clear();
    this.logList = [];
    this.received = { spans: 0, metricPoints: 0, logs: 0 };
  }

  /** Calls `listener` after every addition; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private waitFor<T>(check: () => T | undefined, timeoutMs: number, message: () => string) {
    return new Promise<T>((resolve, reject) => {
      const first = check();
      if (first !== undefined) {
        resolve(first);
        return;
      }
      let unsubscribe = () => {};
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`@proc/telemetry-testing: ${message()}`));
      }, timeoutMs);
      unsubscribe = this.subscribe(() => {
        let result: T | undefined;
        try {
          result = check();
        } catch (error) {
          clearTimeout(timer);
          unsubscribe();
          reject(error);
          return;
        }
        if (result !== undefined) {
          clearTimeout(timer);
          unsubscribe();
          resolve(result);
        }
      });
    });
  }
}
