// The traces of the web view: a summary per trace for the list and search, and one trace's spans
// in waterfall order with their links resolved against what was received.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { buildTrees } from '../tree.js';
import type { ReceivedSpan, SpanTreeNode } from '../types.js';
import { jsonAttributes, nanosToMillis } from './json-values.js';

const SERVICE_NAME = 'service.name';

/** One row of the trace list. */
export interface TraceSummary {
  traceId: string;
  rootName: string;
  rootService: string;
  services: string[];
  spanCount: number;
  errorCount: number;
  linkCount: number;
  startMillis: number;
  durationNanos: number;
}

const serviceOf = (span: ReceivedSpan): string => {
  const name = span.resource[SERVICE_NAME];
  return typeof name === 'string' ? name : '';
};

/** The spans kept, grouped by trace, in the order their first span arrived. */
export function groupByTrace(spans: readonly ReceivedSpan[]): Map<string, ReceivedSpan[]> {
  const traces = new Map<string, ReceivedSpan[]>();
  for (const span of spans) {
    const list = traces.get(span.traceId);
    if (list) list.push(span);
    else traces.set(span.traceId, [span]);
  }
  return traces;
}

function bounds(spans: readonly ReceivedSpan[]): { start: bigint; end: bigint } {
  let start = spans[0]!.startTimeUnixNano;
  let end = spans[0]!.endTimeUnixNano;
  for (const s of spans) {
    if (s.startTimeUnixNano < start) start = s.startTimeUnixNano;
    if (s.endTimeUnixNano > end) end = s.endTimeUnixNano;
  }
  // bigint nanoseconds: Math.max does not apply.
  if (end < start) end = start;
  return { start, end };
}

/** When a trace started (its earliest span), in milliseconds: the order of the trace list. */
export function traceStartMillis(spans: readonly ReceivedSpan[]): number {
  return nanosToMillis(bounds(spans).start);
}

export function summarizeTrace(traceId: string, spans: readonly ReceivedSpan[]): TraceSummary {
  const { start, end } = bounds(spans);
  // The root: the earliest span whose parent did not arrive (none, for a root span).
  const root = buildTrees(spans)[0]!.span;
  return {
    traceId,
    rootName: root.name,
    rootService: serviceOf(root),
    services: [...new Set(spans.map(serviceOf).filter(Boolean))].sort(),
    spanCount: spans.length,
    errorCount: spans.filter((s) => s.status.code === SpanStatusCode.ERROR).length,
    linkCount: spans.reduce((n, s) => n + s.links.length, 0),
    startMillis: nanosToMillis(start),
    durationNanos: Number(end - start),
  };
}

/**
 * Whether a trace matches the search text: a prefix of its id, or a part of a service or span
 * name (case-insensitive). Empty text matches every trace.
 */
export function matchesSearch(traceId: string, spans: readonly ReceivedSpan[], text: string) {
  const q = text.trim().toLowerCase();
  if (q === '') return true;
  if (traceId.startsWith(q)) return true;
  return spans.some(
    (s) => s.name.toLowerCase().includes(q) || serviceOf(s).toLowerCase().includes(q),
  );
}

const KIND_NAMES: Record<number, string> = {
  [SpanKind.INTERNAL]: 'INTERNAL',
  [SpanKind.SERVER]: 'SERVER',
  [SpanKind.CLIENT]: 'CLIENT',
  [SpanKind.PRODUCER]: 'PRODUCER',
  [SpanKind.CONSUMER]: 'CONSUMER',
};
const STATUS_NAMES: Record<number, string> = {
  [SpanStatusCode.UNSET]: 'UNSET',
  [SpanStatusCode.OK]: 'OK',
  [SpanStatusCode.ERROR]: 'ERROR',
};

/** What the view needs to know about other traces to resolve links. */
export interface LinkTargets {
  /** Trace ids received (of those asked about). */
  traces: ReadonlySet<string>;
  /** `traceId/spanId` of the spans received (of the traces asked about). */
  spans: ReadonlySet<string>;
}

/**
 * Which of `traceIds` were received, and their spans: one pass over the spans kept, building
 * sets only as large as the traces asked about (a trace's links, a page of log records).
 */
export function linkTargets(
  spans: readonly ReceivedSpan[],
  traceIds: ReadonlySet<string>,
): LinkTargets {
  const traces = new Set<string>();
  const received = new Set<string>();
  if (traceIds.size === 0) return { traces, spans: received };
  for (const s of spans) {
    if (!traceIds.has(s.traceId)) continue;
    traces.add(s.traceId);
    received.add(`${s.traceId}/${s.spanId}`);
  }
  return { traces, spans: received };
}

/** One span of a trace answer, JSON-safe, with its depth in the waterfall. */
export function spanView(
  span: ReceivedSpan,
  depth: number,
  traceStart: bigint,
  targets: LinkTargets,
) {
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId ?? null,
    depth,
    name: span.name,
    service: serviceOf(span),
    kind: KIND_NAMES[span.kind] ?? String(span.kind),
    status: {
      code: STATUS_NAMES[span.status.code] ?? String(span.status.code),
      message: span.status.message ?? '',
    },
    startMillis: nanosToMillis(span.startTimeUnixNano),
    offsetNanos: Number(span.startTimeUnixNano - traceStart),
    durationNanos: Number(span.endTimeUnixNano - span.startTimeUnixNano),
    traceState: span.traceState ?? '',
    flags: span.flags,
    protocol: span.protocol,
    attributes: jsonAttributes(span.attributes),
    events: span.events.map((e) => ({
      name: e.name,
      offsetNanos: Number(e.timeUnixNano - span.startTimeUnixNano),
      attributes: jsonAttributes(e.attributes),
    })),
    links: span.links.map((l) => ({
      traceId: l.traceId,
      spanId: l.spanId,
      traceState: l.traceState ?? '',
      attributes: jsonAttributes(l.attributes),
      traceReceived: targets.traces.has(l.traceId),
      spanReceived: targets.spans.has(`${l.traceId}/${l.spanId}`),
    })),
    resource: jsonAttributes(span.resource),
    scope: {
      name: span.scope.name,
      version: span.scope.version ?? '',
      attributes: jsonAttributes(span.scope.attributes),
    },
  };
}

/** A span of another trace that links into the one shown (a batch that consumed its messages). */
export interface LinkedFrom {
  traceId: string;
  spanId: string;
  name: string;
  service: string;
}

/**
 * One trace for the waterfall: its summary, the spans depth-first (children by start time,
 * the first `maxSpans`), and the spans of other traces that link to it (the first `maxSpans`).
 */
export function traceView(
  traceId: string,
  allSpans: readonly ReceivedSpan[],
  maxSpans: number,
): (TraceSummary & Record<string, unknown>) | undefined {
  const spans = allSpans.filter((s) => s.traceId === traceId);
  if (spans.length === 0) return undefined;
  const targets = linkTargets(
    allSpans,
    new Set(spans.flatMap((s) => s.links.map((l) => l.traceId))),
  );
  const { start } = bounds(spans);
  const ordered: ReturnType<typeof spanView>[] = [];
  const visit = (node: SpanTreeNode, depth: number) => {
    if (ordered.length >= maxSpans) return;
    ordered.push(spanView(node.span, depth, start, targets));
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const root of buildTrees(spans)) visit(root, 0);
  const linkedFrom: LinkedFrom[] = [];
  for (const s of allSpans) {
    if (linkedFrom.length >= maxSpans) break;
    if (s.traceId !== traceId && s.links.some((l) => l.traceId === traceId)) {
      linkedFrom.push({
        traceId: s.traceId,
        spanId: s.spanId,
        name: s.name,
        service: serviceOf(s),
      });
    }
  }
  return {
    ...summarizeTrace(traceId, spans),
    spans: ordered,
    omittedSpans: spans.length - ordered.length,
    linkedFrom,
  };
}
