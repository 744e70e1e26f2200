// Round trip: the real OTLP trace exporters send to the receiver and every field the SDK set
// comes out equal. One case per exporter/protocol pair, plain and gzip-compressed.
import { context, type Link, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from '../src/index.js';
import { type ExporterProtocol, hrToNanos, PROTOCOLS } from './helpers/otlp.js';
import { traceExporter } from './helpers/trace-exporter.js';

const compression = (gzip: boolean) => (gzip ? 'gzip' : 'none') as never;

const ATTRIBUTES = {
  'attr.string': 'héllo wörld',
  'attr.empty': '',
  'attr.int': 42,
  'attr.negative': -7,
  'attr.large': 2 ** 40,
  'attr.double': 3.25,
  'attr.bool': true,
  'attr.false': false,
  'attr.strings': ['a', 'b', ''],
  'attr.ints': [1, 2, 3],
  'attr.doubles': [1.5, -2.25],
  'attr.bools': [true, false],
};

/** Creates a small trace with every kind of field set; returns the trace id. */
function makeTrace(provider: BasicTracerProvider): string {
  const tracer = provider.getTracer('roundtrip-scope', '1.2.3');
  const remoteParent = trace.setSpanContext(context.active(), {
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    spanId: '00f067aa0ba902b7',
    traceFlags: 1,
    traceState: new TraceState('vendor=value,other=1'),
    isRemote: true,
  });
  const linked: Link = {
    context: {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: 1,
      traceState: new TraceState('linked=yes'),
    },
    attributes: { 'link.attr': 'x', 'link.count': 2 },
  };
  const root = tracer.startSpan(
    'root operation',
    { kind: SpanKind.SERVER, attributes: ATTRIBUTES, links: [linked] },
    remoteParent,
  );
  root.addEvent('event.one', { 'event.attr': 'v', 'event.num': 1.5 });
  root.addEvent('event.empty');
  const rootContext = trace.setSpan(context.active(), root);
  const child = tracer.startSpan('child call', { kind: SpanKind.CLIENT }, rootContext);
  child.setStatus({ code: SpanStatusCode.ERROR, message: 'it broke' });
  const grandChild = tracer.startSpan(
    'grandchild',
    { kind: SpanKind.PRODUCER },
    trace.setSpan(context.active(), child),
  );
  grandChild.setStatus({ code: SpanStatusCode.OK });
  grandChild.end();
  child.end();
  tracer.startSpan('consumer', { kind: SpanKind.CONSUMER }, rootContext).end();
  tracer.startSpan('internal', {}, rootContext).end();
  root.end();
  return root.spanContext().traceId;
}

function expectSame(received: ReceivedSpan, sdk: ReadableSpan, protocol: ExporterProtocol) {
  const ctx = sdk.spanContext();
  expect(received).toEqual({
    traceId: ctx.traceId,
    spanId: ctx.spanId,
    ...(sdk.parentSpanContext ? { parentSpanId: sdk.parentSpanContext.spanId } : {}),
    ...(ctx.traceState ? { traceState: ctx.traceState.serialize() } : {}),
    flags: expect.any(Number),
    name: sdk.name,
    kind: sdk.kind,
    status: sdk.status.message
      ? { code: sdk.status.code, message: sdk.status.message }
      : { code: sdk.status.code },
    attributes: sdk.attributes,
    events: sdk.events.map((e) => ({
      name: e.name,
      timeUnixNano: hrToNanos(e.time),
      attributes: e.attributes ?? {},
    })),
    links: sdk.links.map((l) => ({
      traceId: l.context.traceId,
      spanId: l.context.spanId,
      ...(l.context.traceState ? { traceState: l.context.traceState.serialize() } : {}),
      attributes: l.attributes ?? {},
    })),
    resource: sdk.resource.attributes,
    scope: {
      name: sdk.instrumentationScope.name,
      version: sdk.instrumentationScope.version,
      attributes: {},
    },
    startTimeUnixNano: hrToNanos(sdk.startTime),
    endTimeUnixNano: hrToNanos(sdk.endTime),
    protocol,
  });
  // W3C trace flags travel in the low byte of the OTLP flags.
  expect(received.flags & 0xff).toBe(ctx.traceFlags);
}

describe.each(PROTOCOLS)('trace round trip over %s', (protocol) => {
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });

  afterAll(async () => {
    await receiver.stop();
  });

  beforeEach(() => receiver.clear());

  it.each([false, true])('keeps every field the SDK set (gzip: %s)', async (gzip) => {
    const memory = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({
        'service.name': 'roundtrip-test',
        'service.version': '0.1.0',
        'deployment.environment.name': 'test',
        'host.cpus': 2,
      }),
      spanProcessors: [
        new SimpleSpanProcessor(
          traceExporter(protocol, receiver, { compression: compression(gzip) }),
        ),
        new SimpleSpanProcessor(memory),
      ],
    });
    const traceId = makeTrace(provider);
    await provider.forceFlush();
    const received = await receiver.waitForSpans(5, { traceId, timeoutMs: 10_000 });
    const sdkSpans = memory.getFinishedSpans();
    await provider.shutdown();

    expect(received).toHaveLength(sdkSpans.length);
    for (const sdk of sdkSpans) {
      const match = received.find((s) => s.spanId === sdk.spanContext().spanId);
      expect(match).toBeDefined();
      expectSame(match!, sdk, protocol);
    }

    // The tree follows the parent ids; the root's parent (remote) never arrived.
    const roots = receiver.traceTree(traceId);
    expect(roots.map((n) => n.span.name)).toEqual(['root operation']);
    expect(roots[0]!.children.map((n) => n.span.name).sort()).toEqual([
      'child call',
      'consumer',
      'internal',
    ]);
    const child = roots[0]!.children.find((n) => n.span.name === 'child call')!;
    expect(child.children.map((n) => n.span.name)).toEqual(['grandchild']);
    expect(receiver.stats()[protocol].requests).toBeGreaterThan(0);
    expect(receiver.stats()[protocol].decodeFailures).toBe(0);
  });

  it('receives batches from a BatchSpanProcessor', async () => {
    const provider = new BasicTracerProvider({
      spanProcessors: [
        new BatchSpanProcessor(
          traceExporter(protocol, receiver, { compression: compression(false) }),
          {
            maxExportBatchSize: 50,
            scheduledDelayMillis: 20,
          },
        ),
      ],
    });
    const tracer = provider.getTracer('batch');
    for (let i = 0; i < 120; i++) tracer.startSpan(`span-${i % 3}`).end();
    await provider.forceFlush();
    await expect(receiver.waitForSpans(120, { timeoutMs: 10_000 })).resolves.toHaveLength(120);
    expect(receiver.spans({ name: 'span-1' })).toHaveLength(40);
    await provider.shutdown();
  });
});
