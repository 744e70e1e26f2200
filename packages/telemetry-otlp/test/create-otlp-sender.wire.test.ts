import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { defaultTelemetryConfig, type OtlpProtocol } from '@proc/telemetry-config';
import { freePort, type OtlpReceiver, startOtlpReceiver } from '@proc/telemetry-testing';
import { createOtlpSender, type EncodedRequest } from '../src/index.js';
import { compressRequest } from '../src/internal/request-content-encoding.js';

const PROTOCOLS: OtlpProtocol[] = ['grpc', 'http/protobuf', 'http/json'];

/** One span, encoded as the sender's protocol wants it. */
function oneSpanRequest(encoding: 'protobuf' | 'json'): EncodedRequest {
  const captured: ReadableSpan[] = [];
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'sender-test' }),
    spanProcessors: [
      {
        onStart: () => undefined,
        onEnd: (span) => captured.push(span),
        forceFlush: async () => undefined,
        shutdown: async () => undefined,
      },
    ],
  });
  provider.getTracer('t').startSpan('sent').end();
  const body =
    encoding === 'json'
      ? new TextEncoder().encode(
          JSON.stringify({
            resourceSpans: [
              {
                resource: { attributes: [] },
                scopeSpans: [
                  {
                    scope: { name: 't' },
                    spans: [
                      {
                        traceId: captured[0]?.spanContext().traceId,
                        spanId: captured[0]?.spanContext().spanId,
                        name: 'sent',
                        kind: 1,
                        startTimeUnixNano: '1',
                        endTimeUnixNano: '2',
                      },
                    ],
                  },
                ],
              },
            ],
          }),
        )
      : (ProtobufTraceSerializer.serializeRequest(captured) as Uint8Array);
  return { body, items: 1 };
}

function exportConfig(protocol: OtlpProtocol, endpoint: string) {
  return { ...defaultTelemetryConfig().traces.export, protocol, endpoint, timeoutMillis: 2000 };
}

describe.each(PROTOCOLS)('createOtlpSender over %s', (protocol) => {
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });

  afterAll(async () => {
    await receiver.stop();
  });

  afterEach(() => receiver.clear());

  const endpoint = () => (protocol === 'grpc' ? receiver.grpcUrl : `${receiver.httpUrl}/v1/traces`);

  it('should deliver an encoded request the receiver decodes', async () => {
    const sender = createOtlpSender(exportConfig(protocol, endpoint()), {
      signal: 'traces',
      optionPath: 'traces.export',
    });
    await expect(sender.send(oneSpanRequest(sender.encoding))).resolves.toEqual({
      status: 'delivered',
    });
    expect((await receiver.waitForSpans(1))[0]?.name).toBe('sent');
    await sender.shutdown();
  });

  it('should call a transient failure (503 / UNAVAILABLE) retryable', async () => {
    const sender = createOtlpSender(
      { ...exportConfig(protocol, endpoint()), timeoutMillis: 300 },
      { signal: 'traces', optionPath: 'traces.export' },
    );
    receiver.failFor(60_000);
    try {
      await expect(sender.send(oneSpanRequest(sender.encoding))).resolves.toMatchObject({
        status: 'retryable',
      });
    } finally {
      receiver.failFor(0);
      await sender.shutdown();
    }
  });

  it('should call a rejected request (400 / INVALID_ARGUMENT) failed', async () => {
    const sender = createOtlpSender(exportConfig(protocol, endpoint()), {
      signal: 'traces',
      optionPath: 'traces.export',
    });
    receiver.failNext(1, { httpStatus: 400, grpcCode: 3 });
    await expect(sender.send(oneSpanRequest(sender.encoding))).resolves.toMatchObject({
      status: 'failed',
    });
    await sender.shutdown();
  });

  it('should call a refused connection retryable', async () => {
    const port = await freePort();
    const url =
      protocol === 'grpc' ? `http://127.0.0.1:${port}` : `http://127.0.0.1:${port}/v1/traces`;
    const sender = createOtlpSender(
      { ...exportConfig(protocol, url), timeoutMillis: 300 },
      { signal: 'traces', optionPath: 'traces.export' },
    );
    await expect(sender.send(oneSpanRequest(sender.encoding))).resolves.toMatchObject({
      status: 'retryable',
    });
    await sender.shutdown();
  });

  it('should send one request per send(), leaving every retry to the delivery queue', async () => {
    const sender = createOtlpSender(
      { ...exportConfig(protocol, endpoint()), timeoutMillis: 10_000 },
      { signal: 'traces', optionPath: 'traces.export' },
    );
    receiver.failNext(1);
    const before = receiver.stats()[protocol].requests;
    // Regression: the SDK's HTTP delegate retried a 503 up to 5 times within the export timeout,
    // whatever export.retry said, before the queue's own attempts.
    await expect(sender.send(oneSpanRequest(sender.encoding))).resolves.toMatchObject({
      status: 'retryable',
    });
    expect(receiver.stats()[protocol].requests - before).toBe(1);
    expect(receiver.spans()).toHaveLength(0);
    await sender.shutdown();
  });

  it('should deliver a gzip-compressed request', async () => {
    const sender = createOtlpSender(
      { ...exportConfig(protocol, endpoint()), compression: 'gzip' },
      { signal: 'traces', optionPath: 'traces.export' },
    );
    await expect(sender.send(oneSpanRequest(sender.encoding))).resolves.toEqual({
      status: 'delivered',
    });
    expect((await receiver.waitForSpans(1))[0]?.name).toBe('sent');
    await sender.shutdown();
  });

  // A request that waited behind the export in flight is held gzipped: the receiver decodes it
  // only if it was sent gzipped with Content-Encoding (HTTP, compression gzip) or unzipped.
  it.each(['none', 'gzip'] as const)(
    'should deliver a request held gzipped with compression %s',
    async (compression) => {
      const sender = createOtlpSender(
        { ...exportConfig(protocol, endpoint()), compression },
        { signal: 'traces', optionPath: 'traces.export' },
      );
      const held = compressRequest(oneSpanRequest(sender.encoding));
      expect(held.contentEncoding).toBe('gzip');
      await expect(sender.send(held)).resolves.toEqual({ status: 'delivered' });
      expect((await receiver.waitForSpans(1))[0]?.name).toBe('sent');
      expect(receiver.stats().httpRejected).toBe(0);
      await sender.shutdown();
    },
  );

  if (protocol !== 'grpc') {
    it("should pass the server's Retry-After on as the wait before the next attempt", async () => {
      const sender = createOtlpSender(exportConfig(protocol, endpoint()), {
        signal: 'traces',
        optionPath: 'traces.export',
      });
      receiver.failNext(1, { httpStatus: 429, retryAfterSeconds: 7 });
      await expect(sender.send(oneSpanRequest(sender.encoding))).resolves.toMatchObject({
        status: 'retryable',
        retryInMillis: 7000,
      });
      await sender.shutdown();
    });

    it('should call a 500 failed, not retryable', async () => {
      const sender = createOtlpSender(exportConfig(protocol, endpoint()), {
        signal: 'traces',
        optionPath: 'traces.export',
      });
      receiver.failNext(1, { httpStatus: 500 });
      await expect(sender.send(oneSpanRequest(sender.encoding))).resolves.toMatchObject({
        status: 'failed',
      });
      await sender.shutdown();
    });
  }
});
