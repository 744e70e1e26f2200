import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { SPAN_PROCESS_EVENT, SPAN_WINDOW_EMIT } from '@proc/telemetry/semconv';
import type {
  ReceivedLogRecord,
  ReceivedMetricPoint,
  ReceivedSpan,
  SpanFilter,
} from '@proc/telemetry-testing';
import { type LiveSummarySource, renderLiveSummary } from '../src/live-summary.js';
import { LOCAL_RECEIVER_MAX_RECORDS } from '../src/local-receiver.js';

const MS = 1_000_000n;
const T0 = 1_700_000_000_000_000_000n;
let nextId = 1;

function span(
  traceId: string,
  name: string,
  parent: ReceivedSpan | undefined,
  startMs: number,
  extra: Partial<ReceivedSpan> = {},
): ReceivedSpan {
  return {
    traceId,
    spanId: (nextId++).toString(16).padStart(16, '0'),
    ...(parent ? { parentSpanId: parent.spanId } : {}),
    flags: 1,
    name,
    kind: SpanKind.CONSUMER,
    status: { code: SpanStatusCode.UNSET },
    attributes: {},
    events: [],
    links: [],
    resource: {},
    scope: { name: '@proc/demo-processor', attributes: {} },
    startTimeUnixNano: T0 + BigInt(startMs) * MS,
    endTimeUnixNano: T0 + BigInt(startMs + 1) * MS,
    protocol: 'http/protobuf',
    ...extra,
  };
}

/** A batch trace: a batch span linked to `events` messages, one child span each, and windows. */
function batchTrace(traceId: string, events: number, windows: number, failed?: number) {
  const links = Array.from({ length: events }, (_, i) => ({
    traceId: `${i}`.padStart(32, 'f'),
    spanId: `${i}`.padStart(16, 'e'),
    attributes: {},
  }));
  const batch = span(traceId, 'process events', undefined, 0, {
    links,
    endTimeUnixNano: T0 + 20n * MS,
  });
  const children = Array.from({ length: events }, (_, i) =>
    span(
      traceId,
      SPAN_PROCESS_EVENT,
      batch,
      i,
      i === failed ? { status: { code: SpanStatusCode.ERROR } } : {},
    ),
  );
  const emits = Array.from({ length: windows }, (_, i) =>
    span(traceId, SPAN_WINDOW_EMIT, batch, 15 + i),
  );
  return [batch, ...children, ...emits];
}

function point(name: string, value: number, attributes = {}): ReceivedMetricPoint {
  return {
    name,
    description: '',
    unit: '{event}',
    type: 'sum',
    temporality: 'cumulative',
    isMonotonic: true,
    attributes,
    value,
    exemplars: [],
    startTimeUnixNano: T0,
    timeUnixNano: T0,
    resource: {},
    scope: { name: '@proc/demo-processor', attributes: {} },
    protocol: 'http/protobuf',
  };
}

/** The part of a receiver the summary reads, over fixed records. */
function testReceiver(
  spans: ReceivedSpan[],
  points: ReceivedMetricPoint[],
  records: ReceivedLogRecord[] = [],
): LiveSummarySource {
  return {
    httpUrl: 'http://127.0.0.1:4318',
    spans: (filter: SpanFilter = {}) =>
      spans.filter((s) => filter.traceId === undefined || s.traceId === filter.traceId),
    metricPoints: () => points,
    metric: (name: string) => points.filter((p) => p.name === name),
    logs: () => records,
  };
}

describe('renderLiveSummary', () => {
  const FIRING = 'a'.repeat(32);
  const LATER = 'b'.repeat(32);

  it('should show the latest batch trace that fired a window, with runs of messages elided', () => {
    const spans = [...batchTrace(FIRING, 12, 2, 9), ...batchTrace(LATER, 3, 0)];
    const frame = renderLiveSummary(testReceiver(spans, []));
    const lines = frame.split('\n');
    expect(lines[0]).toBe(
      '── telemetry received by the in-process OTLP receiver (http://127.0.0.1:4318) ──',
    );
    expect(lines[1]).toBe('  spans: 19   batch traces: 2   metric points: 0   log records: 0');
    expect(lines[2]).toBe('  latest batch trace:');
    expect(lines[3]).toBe(`    trace ${FIRING}  process events  20.0ms  (15 spans)`);
    expect(frame).not.toContain(LATER);
    const waterfall = lines.slice(4, lines.indexOf('  latest processor.* metrics:'));
    expect(waterfall.map((l) => l.split('│')[0]!.trimEnd())).toEqual([
      '      process events',
      `        ${SPAN_PROCESS_EVENT}`,
      `        ${SPAN_PROCESS_EVENT}`,
      `        ${SPAN_PROCESS_EVENT}`,
      `        ${SPAN_PROCESS_EVENT}`,
      `        ${SPAN_PROCESS_EVENT}`, // the failed one, past the first four
      `        … 7 more ${SPAN_PROCESS_EVENT}`,
      `        ${SPAN_WINDOW_EMIT}`,
      `        ${SPAN_WINDOW_EMIT}`,
    ]);
    expect(waterfall[0]).toMatch(/│ +20\.0ms {2}12 links$/);
    expect(waterfall[5]).toMatch(/ ✗$/);
  });

  it('should fall back to the latest batch when none fired a window', () => {
    const spans = [...batchTrace(FIRING, 2, 0), ...batchTrace(LATER, 1, 0)];
    expect(renderLiveSummary(testReceiver(spans, []))).toContain(`    trace ${LATER}  `);
  });

  it('should show only the processor.* metrics', () => {
    const frame = renderLiveSummary(
      testReceiver(
        [],
        [
          point('processor.events.processed', 130, { 'processor.event.type': 'click' }),
          point('http.server.requests', 4),
          point('processor.batch.size', 12),
        ],
      ),
    );
    const table = frame.slice(frame.indexOf('  latest processor.* metrics:\n')).split('\n');
    expect(table[1]).toMatch(/^ {4}metric +type +unit +attributes +value$/);
    expect(table[3]).toMatch(/^ {4}processor\.batch\.size +sum\/cumulative +\{event\} +- +12$/);
    expect(table[4]).toMatch(
      /^ {4}processor\.events\.processed +sum\/cumulative +\{event\} +processor\.event\.type=click +130$/,
    );
    expect(frame).not.toContain('http.server.requests');
  });

  it('should say when the receiver is full and keeps only the latest records', () => {
    const points = new Array(LOCAL_RECEIVER_MAX_RECORDS).fill(point('processor.batch.size', 1));
    const frame = renderLiveSummary(testReceiver([], points));
    expect(frame.split('\n')[1]).toBe(
      `  spans: 0   batch traces: 0   metric points: ${LOCAL_RECEIVER_MAX_RECORDS}   log records: 0   (the latest kept)`,
    );
  });

  it('should say when nothing arrived yet', () => {
    const frame = renderLiveSummary(testReceiver([], []));
    expect(frame).toContain('  latest batch trace:\n    (no batch span exported yet)\n');
    expect(frame).toContain('  latest processor.* metrics:\n    (no metrics yet)\n');
    expect(frame).toContain('  latest log records:\n    (no log records yet)\n');
  });

  it('should show the latest log records with the short trace id of each', () => {
    const record = (body: string, traceId?: string): ReceivedLogRecord => ({
      timeUnixNano: T0,
      observedTimeUnixNano: T0,
      severityNumber: 9,
      severityText: 'INFO',
      body,
      attributes: {},
      flags: 0,
      ...(traceId ? { traceId } : {}),
      resource: {},
      scope: { name: '@proc/demo-processor', attributes: {} },
      protocol: 'http/protobuf',
    });
    const frame = renderLiveSummary(
      testReceiver([], [], [record('demo started'), record('window emitted', FIRING)]),
    );
    expect(frame.split('\n')[1]).toContain('log records: 2');
    const tail = frame.slice(frame.indexOf('  latest log records:\n')).split('\n');
    expect(tail[1]).toMatch(/^ {4}\S+ INFO {2}@proc\/demo-pro… demo started$/);
    expect(tail[2]).toMatch(/ window emitted {2}trace aaaaaaaa$/);
  });
});
