// Misbehaviour modes: injected failures, delays, dropped connections and restarts, seen through
// the real exporters (which retry UNAVAILABLE/503 and give up on other errors).
import { ExportResultCode } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { type OtlpReceiver, startOtlpReceiver } from '../src/index.js';
import { PROTOCOLS } from './helpers/otlp.js';
import { traceExporter } from './helpers/trace-exporter.js';

/** Finished spans made by a throwaway provider, to hand to an exporter directly. */
function makeSpans(name: string, count = 1): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(memory)] });
  const tracer = provider.getTracer('misbehaviour');
  for (let i = 0; i < count; i++) tracer.startSpan(name).end();
  return memory.getFinishedSpans();
}

function exportOnce(exporter: SpanExporter, spans: ReadableSpan[]) {
  return new Promise<{ code: ExportResultCode; error?: Error }>((resolve) =>
    exporter.export(spans, resolve),
  );
}

describe.each(PROTOCOLS)('misbehaviour over %s', (protocol) => {
  let receiver: OtlpReceiver;
  let exporter: SpanExporter;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    exporter = traceExporter(protocol, receiver, { timeoutMillis: 5000 });
  });

  afterAll(async () => {
    await exporter.shutdown();
    await receiver.stop();
  });

  beforeEach(() => {
    receiver.clear();
    receiver.failNext(0);
    receiver.failFor(0);
    receiver.delayResponses(0);
    receiver.dropNextConnections(0);
  });

  const requests = () => receiver.stats()[protocol].requests;

  // The HTTP exporters retry 503 after a backoff of about a second; the gRPC exporter of this
  // SDK line does not retry UNAVAILABLE itself, so its export fails and the next one succeeds.
  const retries = protocol !== 'grpc';

  /** Exports (twice where the exporter does not retry); returns the requests it took. */
  async function exportThroughFailure(name: string): Promise<number> {
    const before = requests();
    const first = await exportOnce(exporter, makeSpans(name));
    if (retries) {
      expect(first.code).toBe(ExportResultCode.SUCCESS);
    } else {
      expect(first.code).toBe(ExportResultCode.FAILED);
      expect(receiver.spans({ name })).toHaveLength(0);
      expect((await exportOnce(exporter, makeSpans(name))).code).toBe(ExportResultCode.SUCCESS);
    }
    expect(receiver.spans({ name })).toHaveLength(1);
    return requests() - before;
  }

  it('failNext(1) with 503/UNAVAILABLE: the export is retried (or fails) and then succeeds', async () => {
    receiver.failNext(1);
    expect(await exportThroughFailure('retried')).toBe(2);
  });

  it('failNext(1) with a non-retryable error: the export fails, the next succeeds', async () => {
    receiver.failNext(1, { httpStatus: 400, grpcCode: 3 /* INVALID_ARGUMENT */ });
    const failed = await exportOnce(exporter, makeSpans('rejected'));
    expect(failed.code).toBe(ExportResultCode.FAILED);
    expect(receiver.spans()).toHaveLength(0);
    const ok = await exportOnce(exporter, makeSpans('accepted'));
    expect(ok.code).toBe(ExportResultCode.SUCCESS);
    expect(receiver.spans().map((s) => s.name)).toEqual(['accepted']);
  });

  it('failFor(ms) fails every request for a while', async () => {
    receiver.failFor(60_000, { httpStatus: 400, grpcCode: 3 });
    for (let i = 0; i < 2; i++) {
      expect((await exportOnce(exporter, makeSpans('window'))).code).toBe(ExportResultCode.FAILED);
    }
    receiver.failFor(0);
    expect((await exportOnce(exporter, makeSpans('window'))).code).toBe(ExportResultCode.SUCCESS);
    expect(receiver.spans({ name: 'window' })).toHaveLength(1);
    // The window ends by itself.
    receiver.failFor(100, { httpStatus: 400, grpcCode: 3 });
    expect((await exportOnce(exporter, makeSpans('late'))).code).toBe(ExportResultCode.FAILED);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await exportOnce(exporter, makeSpans('late'))).code).toBe(ExportResultCode.SUCCESS);
  });

  it('delayResponses(ms) delays each answer', async () => {
    receiver.delayResponses(300);
    const started = Date.now();
    expect((await exportOnce(exporter, makeSpans('slow'))).code).toBe(ExportResultCode.SUCCESS);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('dropNextConnections(1) cuts the connection; the next attempt succeeds', async () => {
    receiver.dropNextConnections(1);
    expect(await exportThroughFailure('dropped')).toBe(2);
  });

  it('restarts on the same ports and keeps what it received', async () => {
    expect((await exportOnce(exporter, makeSpans('before'))).code).toBe(ExportResultCode.SUCCESS);
    const { httpPort, grpcPort } = receiver;
    await receiver.stop();
    await receiver.restart();
    expect(receiver.httpPort).toBe(httpPort);
    expect(receiver.grpcPort).toBe(grpcPort);
    expect((await exportOnce(exporter, makeSpans('after'))).code).toBe(ExportResultCode.SUCCESS);
    expect(receiver.spans().map((s) => s.name)).toEqual(['before', 'after']);
  });
});

describe('stopped receiver', () => {
  it('refuses connections while stopped and serves again after restart()', async () => {
    const receiver = await startOtlpReceiver();
    try {
      await receiver.stop();
      await expect(
        fetch(`${receiver.httpUrl}/v1/traces`, { method: 'POST', body: '' }),
      ).rejects.toThrow();
      await receiver.restart();
      const res = await fetch(`${receiver.httpUrl}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(200);
    } finally {
      await receiver.stop();
    }
  });

  it('waitForSpans rejects with a message that says what arrived', async () => {
    const receiver = await startOtlpReceiver();
    try {
      await expect(receiver.waitForSpans(1, { name: 'never', timeoutMs: 50 })).rejects.toThrow(
        /timed out after 50 ms waiting for 1 span\(s\) with name "never"; 0 matched, 0 received/,
      );
      await expect(receiver.waitForMetric('nothing', { timeoutMs: 50 })).rejects.toThrow(
        /"nothing" never arrived/,
      );
    } finally {
      await receiver.stop();
    }
  });
});
