import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import type { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { type OtlpReceiver, startOtlpReceiver } from '@proc/telemetry-testing';
import { getBaggage, setBaggage } from '../src/baggage.js';
import { createContextManager } from '../src/context-manager.js';
import { createPropagator } from '../src/create-propagator.js';
import { extractFromHeaders } from '../src/extract-context.js';
import { injectIntoHeaders } from '../src/inject-context.js';
import {
  createTestTracerProvider,
  startTestServer,
  type TestServer,
} from './support/test-tracing.js';

describe('injectIntoHeaders and extractFromHeaders between two HTTP services', () => {
  let receiver: OtlpReceiver;
  let providerA: BasicTracerProvider;
  let providerB: BasicTracerProvider;
  let serviceA: TestServer;
  let serviceB: TestServer;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    context.setGlobalContextManager(createContextManager());
    propagation.setGlobalPropagator(createPropagator(['tracecontext', 'baggage']));
    providerA = createTestTracerProvider('service-a', receiver.httpUrl);
    providerB = createTestTracerProvider('service-b', receiver.httpUrl);
    const tracerA = providerA.getTracer('a');
    const tracerB = providerB.getTracer('b');

    // B: extract, start a server span, answer with the baggage it received.
    serviceB = await startTestServer((req: IncomingMessage, res: ServerResponse) => {
      const ctx = extractFromHeaders(req.headers);
      const span = tracerB.startSpan('GET /b', { kind: SpanKind.SERVER }, ctx);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(getBaggage(ctx)), () => span.end());
    });

    // A: a server span, baggage, then a client span calling B with fetch and injected headers.
    serviceA = await startTestServer((req, res) => {
      const ctx = extractFromHeaders(req.headers);
      tracerA.startActiveSpan('GET /a', { kind: SpanKind.SERVER }, ctx, async (server) => {
        const withBaggage = setBaggage(context.active(), [
          { key: 'tenant', value: 'acme' },
          { key: 'user', value: 'Zoë Ünïcode, 名前', metadata: 'ttl=30' },
        ]);
        await context.with(withBaggage, () =>
          tracerA.startActiveSpan('call b', { kind: SpanKind.CLIENT }, async (client) => {
            const response = await fetch(`${serviceB.url}/b`, { headers: injectIntoHeaders() });
            const body = await response.text();
            client.end();
            res.end(body, () => server.end());
          }),
        );
      });
    });
  });

  afterAll(async () => {
    await serviceA.close();
    await serviceB.close();
    await providerA.shutdown();
    await providerB.shutdown();
    await receiver.stop();
    context.disable();
    propagation.disable();
    trace.disable();
  });

  it("should make B's server span a child of A's client span and carry baggage to B", async () => {
    const response = await fetch(`${serviceA.url}/a`);
    expect(await response.json()).toEqual([
      { key: 'tenant', value: 'acme' },
      { key: 'user', value: 'Zoë Ünïcode, 名前', metadata: 'ttl=30' },
    ]);

    const [serverB] = await receiver.waitForSpans(1, { name: 'GET /b' });
    const [clientA] = await receiver.waitForSpans(1, { name: 'call b' });
    const [serverA] = await receiver.waitForSpans(1, { name: 'GET /a' });
    expect(serverB?.resource['service.name']).toBe('service-b');
    expect(serverB?.kind).toBe(SpanKind.SERVER);
    expect(serverB?.traceId).toBe(clientA?.traceId);
    expect(serverB?.parentSpanId).toBe(clientA?.spanId);
    expect(clientA?.parentSpanId).toBe(serverA?.spanId);
    expect(serverA?.parentSpanId).toBeUndefined();

    const [root] = receiver.traceTree(serverA!.traceId);
    expect(root?.span.name).toBe('GET /a');
    expect(root?.children[0]?.span.name).toBe('call b');
    expect(root?.children[0]?.children[0]?.span.name).toBe('GET /b');
  });

  it('should continue a trace that arrives at A with a traceparent', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await fetch(`${serviceA.url}/a`, {
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01`, tracestate: 'vendor=x' },
    });
    const spans = await receiver.waitForSpans(3, { traceId });
    const serverA = spans.find((span) => span.name === 'GET /a');
    const serverB = spans.find((span) => span.name === 'GET /b');
    expect(serverA?.parentSpanId).toBe('00f067aa0ba902b7');
    expect(serverB?.traceState).toBe('vendor=x');
  });
});
