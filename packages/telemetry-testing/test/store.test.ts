// The in-memory store behind the receiver: what it keeps.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { type ReceivedMetricPoint, type ReceivedSpan, startOtlpReceiver } from '../src/index.js';
import { TelemetryStore } from '../src/store.js';
import { logRecord } from './helpers/log-record.js';

function span(n: number): ReceivedSpan {
  return {
    traceId: 'aaaabbbbccccddddeeeeffff00001111',
    spanId: n.toString(16).padStart(16, '0'),
    flags: 1,
    name: `span ${n}`,
    kind: SpanKind.INTERNAL,
    status: { code: SpanStatusCode.UNSET },
    attributes: {},
    events: [],
    links: [],
    resource: {},
    scope: { name: 'test', attributes: {} },
    startTimeUnixNano: 0n,
    endTimeUnixNano: 1n,
    protocol: 'grpc',
  };
}

function point(name: string, value: number): ReceivedMetricPoint {
  return {
    name,
    description: '',
    unit: '1',
    type: 'gauge',
    attributes: {},
    value,
    exemplars: [],
    startTimeUnixNano: 0n,
    timeUnixNano: 0n,
    resource: {},
    scope: { name: 'test', attributes: {} },
    protocol: 'grpc',
  };
}

describe('TelemetryStore', () => {
  describe('maxRecords', () => {
    it('should keep memory bounded in a long run: only the latest spans and points are kept', () => {
      const store = new TelemetryStore(3);
      for (let i = 1; i <= 5; i++) store.addSpans([span(i)]);
      store.addMetricExport([point('a', 1), point('b', 1)]);
      store.addMetricExport([point('a', 2), point('b', 2)]);

      expect(store.spans().map((s) => s.name)).toEqual(['span 3', 'span 4', 'span 5']);
      expect(store.metricPoints().map((p) => `${p.name}=${p.value}`)).toEqual([
        'b=1',
        'a=2',
        'b=2',
      ]);
      expect(store.metric('a').map((p) => p.value)).toEqual([2]);
      expect(store.totals()).toEqual({ spans: 5, metricPoints: 4, logs: 0 });
    });

    it('should keep everything by default', () => {
      const store = new TelemetryStore();
      for (let i = 1; i <= 100; i++) store.addSpans([span(i)]);

      expect(store.spans()).toHaveLength(100);
    });
  });
});

describe('startOtlpReceiver', () => {
  it('should reject a maxRecords that is not a positive integer, naming the option', async () => {
    await expect(startOtlpReceiver({ maxRecords: 0 })).rejects.toThrow(
      '@proc/telemetry-testing: maxRecords must be an integer of at least 1; got 0.',
    );
  });
});

describe('TelemetryStore log queries', () => {
  const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

  function storeWithLogs() {
    const store = new TelemetryStore();
    store.addLogs([
      logRecord({ body: 'started' }),
      logRecord({
        body: 'payment retried',
        severityNumber: 13,
        traceId: TRACE,
        spanId: 'b7ad6b7169203331',
      }),
      logRecord({
        body: 'payment failed',
        severityNumber: 17,
        traceId: TRACE,
        scope: { name: 'pay', attributes: {} },
      }),
    ]);
    return store;
  }

  it('should filter by body, trace id, span id, minimum severity and scope', () => {
    const store = storeWithLogs();
    const bodies = (filter: Parameters<TelemetryStore['logs']>[0]) =>
      store.logs(filter).map((record) => record.body);
    expect(bodies({})).toEqual(['started', 'payment retried', 'payment failed']);
    expect(bodies({ body: 'started' })).toEqual(['started']);
    expect(bodies({ body: /^payment/ })).toEqual(['payment retried', 'payment failed']);
    expect(bodies({ traceId: TRACE.toUpperCase() })).toEqual(['payment retried', 'payment failed']);
    expect(bodies({ spanId: 'B7AD6B7169203331' })).toEqual(['payment retried']);
    expect(bodies({ minSeverity: 17 })).toEqual(['payment failed']);
    expect(bodies({ scope: 'pay', minSeverity: 13 })).toEqual(['payment failed']);
  });

  it('should resolve waitForLogs once enough match, and say what arrived when it times out', async () => {
    const store = new TelemetryStore();
    const waiting = store.waitForLogs(2, { minSeverity: 13, timeoutMs: 5000 });
    store.addLogs([logRecord({ body: 'a', severityNumber: 13 }), logRecord({ body: 'b' })]);
    store.addLogs([logRecord({ body: 'c', severityNumber: 17 })]);
    expect((await waiting).map((record) => record.body)).toEqual(['a', 'c']);
    await expect(store.waitForLogs(1, { body: 'never', timeoutMs: 20 })).rejects.toThrow(
      'waitForLogs: timed out after 20 ms waiting for 1 log record(s) with body "never"; 0 matched, 3 received in all (latest bodies: "a", "b", "c")',
    );
  });
});
