// The JSON endpoints of the web view, over the receiver's public queries. Every answer is
// bounded; every bad request is a 4xx whose message names the field and what is accepted.
import type { ReceiverUiSource } from '../types.js';
import { type LogQuery, logView, selectLogs } from './log-views.js';
import { metricView, summarizeMetrics } from './metric-views.js';
import {
  groupByTrace,
  linkTargets,
  matchesSearch,
  summarizeTrace,
  traceStartMillis,
  traceView,
} from './trace-views.js';

/** The limits of the answers, resolved from `ReceiverUiOptions`. */
export interface UiLimits {
  maxTraces: number;
  maxSpansPerTrace: number;
  maxLogs: number;
  maxSeries: number;
  maxPointsPerSeries: number;
}

/** An answer: a status and a JSON body. */
export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** Longest search text or metric name accepted. */
export const MAX_QUERY_CHARS = 256;

/** A request the API refuses: the status and the message of its JSON error. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(`@proc/telemetry-testing: ${message}`);
  }
}

const TRACE_ID = /^[0-9a-f]{32}$/;

/** A received value quoted for an error message, cut short. */
const quote = (value: string) =>
  JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);

function traceIdParam(value: string, field: string): string {
  const id = value.toLowerCase();
  if (!TRACE_ID.test(id)) {
    throw new ApiError(400, `${field} must be 32 hex digits, got ${quote(value)}`);
  }
  return id;
}

function textParam(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  if (value === null) return undefined;
  if (value.length > MAX_QUERY_CHARS) {
    throw new ApiError(
      400,
      `${name} must be at most ${MAX_QUERY_CHARS} characters, got ${value.length}`,
    );
  }
  return value;
}

function integerParam(params: URLSearchParams, name: string, min: number, max: number) {
  const value = params.get(name);
  if (value === null) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    throw new ApiError(
      400,
      `${name} must be an integer from ${min} to ${max}, got ${quote(value)}`,
    );
  }
  return n;
}

function onlyParams(params: URLSearchParams, accepted: readonly string[]): void {
  for (const key of params.keys()) {
    if (!accepted.includes(key)) {
      const expected = accepted.length ? `accepted: ${accepted.join(', ')}` : 'it takes none';
      throw new ApiError(400, `unknown query parameter ${quote(key)}; ${expected}`);
    }
  }
}

/** A short fingerprint of what is kept: the page polls it and reloads its view when it moves. */
function revision(source: ReceiverUiSource) {
  const spans = source.spans();
  const points = source.metricPoints();
  const logs = source.logs();
  const last = spans.at(-1);
  const lastPoint = points.at(-1);
  const lastLog = logs.at(-1);
  return {
    spans: spans.length,
    traces: new Set(spans.map((s) => s.traceId)).size,
    metrics: new Set(points.map((p) => p.name)).size,
    metricPoints: points.length,
    logs: logs.length,
    revision: [
      spans.length,
      last?.spanId ?? '',
      points.length,
      String(lastPoint?.timeUnixNano ?? ''),
      logs.length,
      String(lastLog?.observedTimeUnixNano ?? ''),
    ].join(':'),
  };
}

/**
 * Answers `GET <path>?<query>` of the API (`path` without `/api`). Throws {@link ApiError} for a
 * request it refuses.
 */
export function answerApi(
  source: ReceiverUiSource,
  limits: UiLimits,
  path: string,
  params: URLSearchParams,
): ApiAnswer {
  const parts = path.split('/').filter(Boolean).map(decodePart);
  const [resource, id, ...rest] = parts;
  if (resource === 'summary' && parts.length === 1) {
    onlyParams(params, []);
    return {
      status: 200,
      body: { ...revision(source), httpUrl: source.httpUrl ?? '', grpcUrl: source.grpcUrl ?? '' },
    };
  }
  if (resource === 'traces' && parts.length === 1) {
    onlyParams(params, ['q', 'limit']);
    const q = textParam(params, 'q') ?? '';
    const limit = integerParam(params, 'limit', 1, limits.maxTraces) ?? limits.maxTraces;
    const traces = groupByTrace(source.spans());
    const matched = [...traces].filter(([traceId, spans]) => matchesSearch(traceId, spans, q));
    // Sorted by start first, so that only the page shown is summed up.
    const page = matched
      .map(([traceId, spans]) => ({ traceId, spans, start: traceStartMillis(spans) }))
      .sort((a, b) => b.start - a.start)
      .slice(0, limit);
    return {
      status: 200,
      body: {
        total: traces.size,
        matched: matched.length,
        traces: page.map(({ traceId, spans }) => summarizeTrace(traceId, spans)),
      },
    };
  }
  if (resource === 'traces' && id !== undefined && rest.length === 0) {
    onlyParams(params, []);
    const traceId = traceIdParam(id, 'trace id');
    const view = traceView(traceId, source.spans(), limits.maxSpansPerTrace);
    if (!view) throw new ApiError(404, `trace ${traceId} was not received (or no longer kept)`);
    return { status: 200, body: view };
  }
  if (resource === 'metrics' && parts.length === 1) {
    onlyParams(params, []);
    return { status: 200, body: { metrics: summarizeMetrics(source.metricPoints()) } };
  }
  if (resource === 'metrics' && id !== undefined && rest.length === 0) {
    onlyParams(params, []);
    if (id.length > MAX_QUERY_CHARS) {
      throw new ApiError(
        400,
        `metric name must be at most ${MAX_QUERY_CHARS} characters, got ${id.length}`,
      );
    }
    const view = metricView(id, source.metricPoints(), limits);
    if (!view) throw new ApiError(404, `metric ${quote(id)} was not received`);
    return { status: 200, body: view };
  }
  if (resource === 'logs' && parts.length === 1) {
    onlyParams(params, ['q', 'traceId', 'minSeverity', 'limit']);
    const query: LogQuery = {};
    const text = textParam(params, 'q');
    if (text !== undefined) query.text = text;
    const traceId = params.get('traceId');
    if (traceId !== null && traceId !== '') query.traceId = traceIdParam(traceId, 'traceId');
    const minSeverity = integerParam(params, 'minSeverity', 0, 24);
    if (minSeverity !== undefined) query.minSeverity = minSeverity;
    const limit = integerParam(params, 'limit', 1, limits.maxLogs) ?? limits.maxLogs;
    const records = source.logs();
    const { matched, count } = selectLogs(records, query, limit);
    const targets = linkTargets(
      source.spans(),
      new Set(matched.flatMap((r) => (r.traceId ? [r.traceId] : []))),
    );
    return {
      status: 200,
      body: {
        total: records.length,
        matched: count,
        logs: matched.map((r) => logView(r, targets)),
      },
    };
  }
  throw new ApiError(
    404,
    `no endpoint at /api${path}; the endpoints are /api/summary, /api/traces, /api/traces/<trace id>, /api/metrics, /api/metrics/<name>, /api/logs`,
  );
}

function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new ApiError(400, `the path holds a malformed percent escape: ${quote(part)}`);
  }
}
