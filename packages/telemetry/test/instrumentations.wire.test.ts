import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanKind } from '@opentelemetry/api';
import { type OtlpReceiver, startOtlpReceiver, waitFor } from '@proc/telemetry-testing';
import { initTelemetry, type TelemetryProviders } from '../src/index.js';
import { receiverEnv } from './helpers/receiver-env.js';
import { resetGlobals } from './helpers/reset-globals.js';

// The module-patching instrumentations (http, pino) are tested in child processes
// (register.wire.test.ts): jest's module registry bypasses require hooks. runtime-node reads
// perf_hooks and v8, undici listens on Node's diagnostics channels: neither patches a module, so
// they run here.
describe('initTelemetry({ config: { instrumentations } })', () => {
  let receiver: OtlpReceiver;
  let telemetry: TelemetryProviders | undefined;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });

  afterEach(async () => {
    await telemetry?.shutdown({ timeoutMillis: 5000 });
    telemetry = undefined;
    receiver.clear();
    resetGlobals();
  });

  afterAll(async () => {
    await receiver.stop();
  });

  it('should export the runtime-node metrics (event loop delay and utilization, GC, heap)', async () => {
    telemetry = await initTelemetry({
      env: receiverEnv(receiver, 'http/protobuf'),
      config: { instrumentations: { 'runtime-node': { enabled: true } } },
    });
    // Something for the GC and the event loop to measure.
    let garbage: number[][] = [];
    for (let i = 0; i < 200; i++) garbage.push(new Array(10_000).fill(i));
    garbage = [];
    // The delay gauges are reported once the event loop monitor has 5 samples (one per 10 ms).
    const t = telemetry;
    await waitFor(
      'the event loop delay gauges',
      async () => {
        await t.forceFlush({ timeoutMillis: 5000 });
        return receiver.metric('nodejs.eventloop.delay.p99').length > 0;
      },
      { timeoutMs: 10_000, intervalMs: 50 },
    );

    const utilization = await receiver.waitForMetric('nodejs.eventloop.utilization');
    expect(utilization[0]).toMatchObject({ type: 'gauge', unit: '1', protocol: 'http/protobuf' });
    expect(Number(utilization[0]?.value)).toBeGreaterThanOrEqual(0);
    const delay = await receiver.waitForMetric('nodejs.eventloop.delay.p99');
    expect(Number(delay[0]?.value)).toBeGreaterThan(0);
    const heap = await receiver.waitForMetric('v8js.memory.heap.used');
    expect(heap.map((point) => point.attributes['v8js.heap.space.name'])).toContain('new_space');
    expect(heap.every((point) => Number(point.value) >= 0)).toBe(true);
    expect(heap[0]?.resource['service.name']).toBe('umbrella-wire-test');
    expect(garbage).toEqual([]);
  });

  it("should trace fetch() with the undici instrumentation, injecting the span's context", async () => {
    const seen: (string | undefined)[] = [];
    const server = createServer((request, response) => {
      seen.push(request.headers.traceparent as string | undefined);
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      telemetry = await initTelemetry({
        env: receiverEnv(receiver, 'http/protobuf'),
        config: { instrumentations: { undici: { enabled: true } } },
      });
      const { port } = server.address() as AddressInfo;
      const body = await (await fetch(`http://127.0.0.1:${port}/stock?sku=7`)).text();
      expect(body).toBe('ok');
      await telemetry.forceFlush({ timeoutMillis: 5000 });
    } finally {
      server.close();
    }
    const [span] = receiver.spans();
    expect(receiver.spans()).toHaveLength(1);
    expect(span).toMatchObject({
      name: 'GET',
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': 'GET',
        'url.full': expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/stock\?sku=7$/),
        'http.response.status_code': 200,
      },
    });
    expect(seen).toEqual([`00-${span?.traceId}-${span?.spanId}-01`]);
  });

  it('should enable nothing by default', async () => {
    telemetry = await initTelemetry({ env: receiverEnv(receiver, 'http/protobuf') });
    await telemetry.forceFlush({ timeoutMillis: 5000 });
    const names = receiver.metricPoints().map((point) => point.name);
    expect(names.filter((name) => /^(nodejs|v8js)\./.test(name))).toEqual([]);
  });
});
