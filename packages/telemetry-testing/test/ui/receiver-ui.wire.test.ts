// The web view's JSON endpoints over real OTLP (the SDK's exporters into the receiver): what
// they answer, that untrusted values never come back as markup, and the 4xx of bad requests.
import * as http from 'node:http';
import {
  type OtlpReceiver,
  type ReceiverUi,
  startOtlpReceiver,
  startReceiverUi,
} from '../../src/index.js';
import { MAX_QUERY_CHARS } from '../../src/ui/ui-api.js';
import {
  HOSTILE_VALUE,
  MISSING_TRACE_ID,
  type SampleTelemetry,
  sendSampleTelemetry,
} from '../helpers/send-sample-telemetry.js';

let receiver: OtlpReceiver;
let ui: ReceiverUi;
let sample: SampleTelemetry;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  ui = await startReceiverUi(receiver, { maxLogs: 3 });
  sample = await sendSampleTelemetry(receiver);
});

afterAll(async () => {
  await ui.stop();
  await receiver.stop();
});

async function get(path: string, init: RequestInit = {}) {
  const response = await fetch(new URL(path, ui.url), {
    ...init,
    signal: AbortSignal.timeout(5000),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

/** A raw request with a `Host` header of our choosing (fetch does not let us set it). */
function rawGet(path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port: ui.port, path, headers: { host }, timeout: 5000 },
      (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
  });
}

describe('startReceiverUi', () => {
  it('should listen on 127.0.0.1 only', () => {
    expect(ui.url).toBe(`http://127.0.0.1:${ui.port}/`);
  });

  it('should refuse a bad option, naming it', async () => {
    await expect(startReceiverUi(receiver, { maxTraces: 0 })).rejects.toThrow(
      '@proc/telemetry-testing: maxTraces must be an integer of at least 1; got 0.',
    );
    await expect(startReceiverUi(receiver, { port: 70000 })).rejects.toThrow(
      /port must be an integer from 0 to 65535/,
    );
  });

  describe('GET /', () => {
    it('should serve the page with its script and style inline under a nonce, and no received data', async () => {
      const page = await get('/');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const csp = page.headers.get('content-security-policy') ?? '';
      const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeDefined();
      expect(csp).toContain("default-src 'none'");
      expect(page.text).toContain(`<script nonce="${nonce}">`);
      expect(page.text).toContain(`<style nonce="${nonce}">`);
      // Nothing is loaded from elsewhere.
      expect(page.text).not.toMatch(
        /<script[^>]+src=|<link[^>]+stylesheet|https?:\/\/(?!www\.w3\.org)/,
      );
      expect(page.text).not.toContain(sample.batchTraceId);
    });
  });

  describe('GET /api/traces', () => {
    it('should list every trace received, newest first, with its root, services and counts', async () => {
      const { traces, total, matched } = (await get('/api/traces')).json();
      expect(total).toBe(4);
      expect(matched).toBe(4);
      const batch = traces.find((t: { traceId: string }) => t.traceId === sample.batchTraceId);
      expect(batch).toMatchObject({
        rootName: 'process orders',
        rootService: 'orders-consumer',
        services: ['orders-consumer'],
        spanCount: 4,
        errorCount: 1,
        linkCount: 4,
      });
      const starts = traces.map((t: { startMillis: number }) => t.startMillis);
      expect(starts).toEqual([...starts].sort((a, b) => b - a));
    });

    it.each([
      ['a trace id prefix', () => sample.batchTraceId.slice(0, 10), () => [sample.batchTraceId]],
      ['a service', () => 'PRODUCER', () => [...sample.producerTraceIds].sort()],
      ['a span name', () => 'order-2', () => [sample.batchTraceId]],
    ])('should search by %s', async (_what, q, expected) => {
      const { traces, matched } = (await get(`/api/traces?q=${encodeURIComponent(q())}`)).json();
      expect(traces.map((t: { traceId: string }) => t.traceId).sort()).toEqual(expected());
      expect(matched).toBe(expected().length);
    });

    it('should cut the list to limit', async () => {
      const { traces, matched } = (await get('/api/traces?limit=2')).json();
      expect(traces).toHaveLength(2);
      expect(matched).toBe(4);
    });
  });

  describe('GET /api/traces/<id>', () => {
    it('should answer the waterfall: spans depth first with their details', async () => {
      const trace = (await get(`/api/traces/${sample.batchTraceId.toUpperCase()}`)).json();
      expect(trace.spans.map((s: { name: string; depth: number }) => [s.depth, s.name])).toEqual([
        [0, 'process orders'],
        [1, 'process order-1'],
        [1, 'process order-2'],
        [1, 'process order-3'],
      ]);
      const failed = trace.spans[2];
      expect(failed).toMatchObject({
        kind: 'INTERNAL',
        status: { code: 'ERROR', message: 'poison message' },
        service: 'orders-consumer',
        scope: { name: 'orders', version: '1.2.3' },
        protocol: 'http/protobuf',
      });
      expect(failed.attributes).toEqual([
        ['order.index', 1],
        ['order.note', HOSTILE_VALUE],
      ]);
      expect(failed.events).toEqual([
        expect.objectContaining({
          name: 'exception',
          attributes: expect.arrayContaining([['exception.message', 'poison message']]),
        }),
      ]);
      expect(failed.resource).toEqual(
        expect.arrayContaining([
          ['service.name', 'orders-consumer'],
          ['service.instance.id', 'orders-consumer-1'],
        ]),
      );
    });

    it("should say of each link whether its trace was received (a producer's) or not", async () => {
      const trace = (await get(`/api/traces/${sample.batchTraceId}`)).json();
      const links = trace.spans[0].links;
      expect(links).toHaveLength(4);
      expect(links.slice(0, 3).map((l: { traceId: string }) => l.traceId)).toEqual(
        sample.producerTraceIds,
      );
      expect(
        links
          .slice(0, 3)
          .every(
            (l: { traceReceived: boolean; spanReceived: boolean }) =>
              l.traceReceived && l.spanReceived,
          ),
      ).toBe(true);
      expect(links[3]).toMatchObject({
        traceId: MISSING_TRACE_ID,
        traceReceived: false,
        spanReceived: false,
      });
    });

    it('should name the batch that links to a producer trace', async () => {
      const producer = (await get(`/api/traces/${sample.producerTraceIds[0]}`)).json();
      expect(producer.linkedFrom).toEqual([
        expect.objectContaining({
          traceId: sample.batchTraceId,
          name: 'process orders',
          service: 'orders-consumer',
        }),
      ]);
    });

    it('should answer 404 for a trace not received and 400 for a malformed id', async () => {
      const missing = await get(`/api/traces/${MISSING_TRACE_ID}`);
      expect(missing.status).toBe(404);
      expect(missing.json().error.message).toBe(
        `@proc/telemetry-testing: trace ${MISSING_TRACE_ID} was not received (or no longer kept)`,
      );
      const bad = await get('/api/traces/xyz');
      expect(bad.status).toBe(400);
      expect(bad.json().error.message).toBe(
        '@proc/telemetry-testing: trace id must be 32 hex digits, got "xyz"',
      );
    });
  });

  describe('GET /api/metrics', () => {
    it('should list the metrics and answer a series over time per attribute set', async () => {
      const { metrics } = (await get('/api/metrics')).json();
      expect(metrics.map((m: { name: string }) => m.name)).toEqual([
        'orders.latency',
        'orders.processed',
      ]);
      const processed = (await get('/api/metrics/orders.processed')).json();
      expect(processed).toMatchObject({ type: 'sum', temporality: 'cumulative', unit: '{order}' });
      const main = processed.series.find(
        (s: { attributes: [string, unknown][] }) => s.attributes[0]?.[1] === 'main',
      );
      // Cumulative: 2, 2+4, 2+4+6 (and the export of the shutdown repeats the last).
      expect(main.points.map((p: [number, number]) => p[1]).slice(0, 3)).toEqual([2, 6, 12]);
      const latency = (await get('/api/metrics/orders.latency')).json();
      // The mean of each interval: 10, then 20, then 30.
      expect(latency.series[0].points.map((p: [number, number]) => p[1]).slice(0, 3)).toEqual([
        10, 20, 30,
      ]);
      expect(latency.valueLabel).toBe('mean per interval (ms)');
    });

    it('should answer 404 for a metric not received', async () => {
      const answer = await get('/api/metrics/nope');
      expect(answer.status).toBe(404);
      expect(answer.json().error.message).toBe(
        '@proc/telemetry-testing: metric "nope" was not received',
      );
    });
  });

  describe('GET /api/logs', () => {
    it('should answer the latest records first, at most maxLogs, with what jumps to their trace', async () => {
      const { logs, total, matched } = (await get('/api/logs')).json();
      expect(total).toBe(4);
      expect(matched).toBe(4);
      expect(logs.map((l: { body: string }) => l.body)).toEqual([
        'poll done',
        HOSTILE_VALUE,
        'poison message skipped',
      ]);
      expect(logs[2]).toMatchObject({
        level: 'ERROR',
        traceId: sample.batchTraceId,
        traceReceived: true,
        service: 'orders-consumer',
        attributes: [['order.key', 'order-2']],
      });
    });

    it('should filter by severity, body and trace', async () => {
      const warn = (await get('/api/logs?minSeverity=13')).json();
      expect(warn.logs.map((l: { level: string }) => l.level)).toEqual(['WARN', 'ERROR']);
      const text = (await get('/api/logs?q=STARTED')).json();
      expect(text.logs.map((l: { body: string }) => l.body)).toEqual(['consumer started']);
      const inTrace = (await get(`/api/logs?traceId=${sample.batchTraceId}`)).json();
      expect(inTrace.logs.map((l: { body: string }) => l.body)).toEqual(['poison message skipped']);
    });
  });

  describe('escaping', () => {
    it.each([
      ['the span attribute', () => `/api/traces/${sample.batchTraceId}`],
      ['the log body', () => '/api/logs'],
      ['the metric attribute', () => '/api/metrics/orders.processed'],
    ])('should answer %s holding markup as JSON with no markup in it', async (_what, path) => {
      const answer = await get(path());
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.text).not.toMatch(/[<>]/);
      expect(answer.text).toContain('\\u003cscript\\u003e');
      expect(JSON.stringify(answer.json())).toContain(JSON.stringify(HOSTILE_VALUE).slice(1, -1));
    });
  });

  describe('bad requests', () => {
    it.each([
      [
        'an unknown path',
        '/nowhere',
        404,
        'nothing at "/nowhere"; the page is at / and the JSON endpoints under /api/',
      ],
      ['an unknown endpoint', '/api/spans', 404, 'no endpoint at /api/spans; the endpoints are'],
      [
        'an unknown parameter',
        '/api/traces?service=x',
        400,
        'unknown query parameter "service"; accepted: q, limit',
      ],
      [
        'a limit out of range',
        '/api/traces?limit=0',
        400,
        'limit must be an integer from 1 to 200, got "0"',
      ],
      [
        'a bad severity',
        '/api/logs?minSeverity=high',
        400,
        'minSeverity must be an integer from 0 to 24, got "high"',
      ],
      [
        'a bad trace filter',
        '/api/logs?traceId=123',
        400,
        'traceId must be 32 hex digits, got "123"',
      ],
      [
        'a broken escape',
        '/api/metrics/%E0%A4%A',
        400,
        'the path holds a malformed percent escape',
      ],
      [
        'an oversized search',
        `/api/traces?q=${'a'.repeat(MAX_QUERY_CHARS + 1)}`,
        400,
        `q must be at most ${MAX_QUERY_CHARS} characters, got ${MAX_QUERY_CHARS + 1}`,
      ],
      [
        'an oversized URL',
        `/api/traces?q=${'a'.repeat(3000)}`,
        414,
        'the request target is 3014 characters; at most 2048 are accepted',
      ],
    ])('should answer %s with a JSON error', async (_what, path, status, message) => {
      const answer = await get(path);
      expect(answer.status).toBe(status);
      expect(answer.json()).toEqual({
        error: { status, message: expect.stringContaining(`@proc/telemetry-testing: ${message}`) },
      });
    });

    it('should answer another method with 405 and Allow', async () => {
      const answer = await get('/api/traces', { method: 'POST', body: '{}' });
      expect(answer.status).toBe(405);
      expect(answer.headers.get('allow')).toBe('GET, HEAD');
    });

    it('should refuse a Host that is not a loopback name (DNS rebinding)', async () => {
      const answer = await rawGet('/api/traces', 'evil.example:80');
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body).error.message).toContain('answers only to 127.0.0.1');
      expect((await rawGet('/api/summary', `localhost:${ui.port}`)).status).toBe(200);
    });

    it('should keep serving, and the receiver receiving, after all of them', async () => {
      const summary = (await get('/api/summary')).json();
      expect(summary).toMatchObject({
        spans: 7,
        traces: 4,
        metrics: 2,
        logs: 4,
        httpUrl: receiver.httpUrl,
      });
      expect(typeof summary.revision).toBe('string');
    });
  });
});
