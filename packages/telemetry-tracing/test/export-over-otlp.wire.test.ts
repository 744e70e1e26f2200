import {
  context,
  diag,
  propagation,
  ROOT_CONTEXT,
  type SpanContext,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_MESSAGING_MESSAGE_ID, ATTR_PROCESSOR_WINDOW_ID } from '@proc/telemetry-semconv';
import {
  installTestDiagLogger,
  type OtlpReceiver,
  type ReceivedSpan,
  startOtlpReceiver,
} from '@proc/telemetry-testing';
import {
  initTracerProvider,
  SPAN_PROCESS_EVENT,
  SPAN_WINDOW_AGGREGATE,
  shutdownTracerProvider,
  spanBuilder,
  type TracingHandle,
  traced,
  withSpan,
} from '../src/index.js';
import { type Protocol, receiverTraceConfig } from './helpers/receiver-config.js';

const PROTOCOLS: Protocol[] = ['grpc', 'http/protobuf', 'http/json'];

function remoteParent(sampled: boolean): SpanContext {
  return {
    traceId: sampled ? '4bf92f3577b34da6a3ce929d0e0e4736' : '5bf92f3577b34da6a3ce929d0e0e4737',
    spanId: '00f067aa0ba902b7',
    traceFlags: sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: true,
  };
}

describe.each(PROTOCOLS)('export over OTLP %s', (protocol) => {
  let receiver: OtlpReceiver;
  let handle: TracingHandle | undefined;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    receiver = await startOtlpReceiver();
  });

  afterAll(async () => {
    await receiver.stop();
    process.off('unhandledRejection', onUnhandled);
  });

  beforeEach(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  });

  afterEach(async () => {
    if (handle) await shutdownTracerProvider(handle, { timeoutMillis: 5000 });
    handle = undefined;
    receiver.clear();
    context.disable();
    trace.disable();
    propagation.disable();
    diag.disable();
    expect(unhandled).toEqual([]);
  });

  function start(overrides: Parameters<typeof receiverTraceConfig>[2] = {}): TracingHandle {
    handle = initTracerProvider(
      receiverTraceConfig(receiver, protocol, overrides),
      resourceFromAttributes({ 'service.name': 'wire-test' }),
    );
    return handle;
  }

  describe('initTracerProvider', () => {
    it('should deliver nested spans with ids, kinds, attributes, events, links and status', async () => {
      const tracing = start();
      const tracer = tracing.getTracer('wire', '1.2.3');
      const linked = tracer.startSpan('upstream');
      linked.end();
      const linkedContext = linked.spanContext();

      const traceId = spanBuilder(SPAN_PROCESS_EVENT, { tracer })
        .kind(SpanKind.CONSUMER)
        .attributes({
          [ATTR_MESSAGING_MESSAGE_ID]: 'evt-1',
          'attr.int': 42,
          'attr.double': 2.5,
          'attr.bool': true,
          'attr.strings': ['a', 'b'],
          'attr.ints': [1, 2, 3],
          'attr.bools': [true, false],
        })
        .link(linkedContext, { 'link.reason': 'batch' })
        .startActive((root) => {
          root.addEvent('received', { 'event.size': 128 });
          spanBuilder(SPAN_WINDOW_AGGREGATE, { tracer })
            .attribute(ATTR_PROCESSOR_WINDOW_ID, 'w-7')
            .startActive((child) => {
              spanBuilder('sink.publish', { tracer })
                .kind(SpanKind.PRODUCER)
                .startActive(() => undefined);
              child.setStatus({ code: SpanStatusCode.OK });
            });
          return root.spanContext().traceId;
        });

      await tracing.forceFlush();
      await receiver.waitForSpans(3, { traceId });
      const [rootNode, ...otherRoots] = receiver.traceTree(traceId);
      expect(otherRoots).toHaveLength(0);
      const root = rootNode!.span;
      expect(root).toMatchObject({
        name: SPAN_PROCESS_EVENT,
        kind: SpanKind.CONSUMER,
        protocol,
        status: { code: SpanStatusCode.UNSET },
        attributes: {
          [ATTR_MESSAGING_MESSAGE_ID]: 'evt-1',
          'attr.int': 42,
          'attr.double': 2.5,
          'attr.bool': true,
          'attr.strings': ['a', 'b'],
          'attr.ints': [1, 2, 3],
          'attr.bools': [true, false],
        },
        resource: expect.objectContaining({ 'service.name': 'wire-test' }),
        scope: expect.objectContaining({ name: 'wire', version: '1.2.3' }),
      });
      expect(root.parentSpanId).toBeUndefined();
      expect(root.events).toEqual([
        expect.objectContaining({ name: 'received', attributes: { 'event.size': 128 } }),
      ]);
      expect(root.links).toEqual([
        expect.objectContaining({
          traceId: linkedContext.traceId,
          spanId: linkedContext.spanId,
          attributes: { 'link.reason': 'batch' },
        }),
      ]);
      const [windowNode] = rootNode!.children;
      expect(windowNode?.span).toMatchObject({
        name: SPAN_WINDOW_AGGREGATE,
        kind: SpanKind.INTERNAL,
        parentSpanId: root.spanId,
        attributes: { [ATTR_PROCESSOR_WINDOW_ID]: 'w-7' },
        status: { code: SpanStatusCode.OK },
      });
      expect(
        windowNode?.children.map((n) => [n.span.name, n.span.kind, n.span.parentSpanId]),
      ).toEqual([['sink.publish', SpanKind.PRODUCER, windowNode?.span.spanId]]);
    });

    it('should deliver exceptions recorded for a sync throw and an async rejection', async () => {
      const tracing = start();
      const tracer = tracing.getTracer('wire');
      expect(() =>
        withSpan(
          'sync-fails',
          () => {
            throw new TypeError('bad record');
          },
          { tracer },
        ),
      ).toThrow('bad record');
      const asyncFails = traced(
        'async-fails',
        async () => Promise.reject(new Error('sink timeout')),
        {
          tracer,
        },
      );
      await expect(asyncFails()).rejects.toThrow('sink timeout');

      await tracing.forceFlush();
      const [syncSpan] = await receiver.waitForSpans(1, { name: 'sync-fails' });
      const [asyncSpan] = await receiver.waitForSpans(1, { name: 'async-fails' });
      for (const [span, type, message] of [
        [syncSpan, 'TypeError', 'bad record'],
        [asyncSpan, 'Error', 'sink timeout'],
      ] as Array<[ReceivedSpan | undefined, string, string]>) {
        expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message });
        expect(span?.events).toHaveLength(1);
        expect(span?.events[0]?.name).toBe('exception');
        expect(span?.events[0]?.attributes).toMatchObject({
          'exception.type': type,
          'exception.message': message,
          'exception.stacktrace': expect.stringContaining(message),
        });
      }
    });

    it('should deliver with gzip compression', async () => {
      const tracing = start({ export: { compression: 'gzip' } });
      tracing.getTracer('wire').startSpan('compressed').end();
      await tracing.forceFlush();
      const [span] = await receiver.waitForSpans(1, { name: 'compressed' });
      expect(span?.protocol).toBe(protocol);
    });
  });

  describe('spans that cannot be encoded', () => {
    it('should deliver the good spans of a batch and count the bad ones (regression: one bad span lost its whole batch)', async () => {
      const diagLog = installTestDiagLogger();
      const tracing = start({ sampler: { type: 'always_on' } });
      const tracer = tracing.getTracer('t');
      for (let i = 0; i < 9; i++) tracer.startSpan(`good-${i}`).end();
      // Through the SDK's own API, which does not validate: each breaks the OTLP serializers.
      tracer
        .startSpan('bad-event')
        .addEvent(null as never)
        .end();
      tracer.startSpan('bad-link', { links: [{ context: {} as SpanContext }] }).end();
      const renamed = tracer.startSpan('bad-name');
      renamed.updateName(null as never);
      renamed.end();
      // Our builder drops the bad links where they enter, so this span is good.
      spanBuilder('good-builder', { tracer })
        .link({} as SpanContext)
        .link(null as never)
        .start()
        .end();
      await tracing.forceFlush({ timeoutMillis: 5000 });
      const good = [...Array.from({ length: 9 }, (_, i) => `good-${i}`), 'good-builder'];
      if (protocol === 'http/json') {
        // JSON.stringify encodes what protobuf cannot (a null name, a link without ids): the
        // batch arrives whole.
        const spans = await receiver.waitForSpans(13);
        expect(spans.map((span) => span.name)).toEqual(expect.arrayContaining(good));
        expect(tracing.exportCounts()).toMatchObject({ ended: 13, exported: 13, invalid: 0 });
      } else {
        const spans = await receiver.waitForSpans(10);
        expect(spans.map((span) => span.name).sort()).toEqual(good.sort());
        expect(tracing.exportCounts()).toMatchObject({ ended: 13, exported: 10, invalid: 3 });
        expect(diagLog.has('warn', /3 span\(s\) could not be encoded and were dropped/)).toBe(true);
      }
      expect(diagLog.has('warn', /spanBuilder\.link: expected a SpanContext.*got null/)).toBe(true);
    });
  });

  describe('sampling', () => {
    it('should sample about 10% of 20,000 root spans and deliver exactly the sampled ones', async () => {
      const tracing = start({
        sampler: { type: 'traceidratio', ratio: 0.1 },
        batch: { maxQueueSize: 20_000, maxExportBatchSize: 512 },
      });
      const tracer = tracing.getTracer('wire');
      const n = 20_000;
      let sampled = 0;
      for (let i = 0; i < n; i++) {
        const span = tracer.startSpan('ratio');
        if (span.spanContext().traceFlags & TraceFlags.SAMPLED) sampled++;
        span.end();
      }
      const sigma = Math.sqrt(n * 0.1 * 0.9);
      expect(Math.abs(sampled - n * 0.1)).toBeLessThanOrEqual(3 * sigma);
      await tracing.forceFlush();
      await receiver.waitForSpans(sampled, { name: 'ratio' });
      expect(receiver.spans({ name: 'ratio' })).toHaveLength(sampled);
    });

    it('should apply a runtime ratio change to new root spans', async () => {
      const tracing = start({ sampler: { type: 'parentbased_traceidratio', ratio: 1 } });
      const tracer = tracing.getTracer('wire');
      for (let i = 0; i < 100; i++) tracer.startSpan('before').end();
      tracing.setSamplingRatio(0);
      const parent = tracer.startSpan('off-root');
      for (let i = 0; i < 100; i++) tracer.startSpan('off').end();
      parent.end();
      tracing.setSamplingRatio(1);
      tracer.startSpan('marker').end();
      await tracing.forceFlush();
      await receiver.waitForSpans(1, { name: 'marker' });
      expect(receiver.spans({ name: 'before' })).toHaveLength(100);
      expect(receiver.spans({ name: 'off' })).toHaveLength(0);
      expect(receiver.spans({ name: 'off-root' })).toHaveLength(0);
    });

    it('should follow the sampled flag of a remote parent (parentbased)', async () => {
      const tracing = start({ sampler: { type: 'parentbased_traceidratio', ratio: 0 } });
      const tracer = tracing.getTracer('wire');
      const sampledParent = remoteParent(true);
      const unsampledParent = remoteParent(false);
      tracer
        .startSpan('under-sampled', {}, trace.setSpanContext(ROOT_CONTEXT, sampledParent))
        .end();
      tracing.setSamplingRatio(1);
      tracer
        .startSpan('under-unsampled', {}, trace.setSpanContext(ROOT_CONTEXT, unsampledParent))
        .end();
      tracer.startSpan('marker').end();
      await tracing.forceFlush();
      await receiver.waitForSpans(1, { name: 'marker' });
      const [child] = receiver.spans({ name: 'under-sampled' });
      expect(child).toMatchObject({
        traceId: sampledParent.traceId,
        parentSpanId: sampledParent.spanId,
      });
      expect(receiver.spans({ name: 'under-unsampled' })).toHaveLength(0);
    });
  });

  describe('shutdownTracerProvider', () => {
    it('should deliver every one of 5,000 spans ended before shutdown, with small batches', async () => {
      const tracing = start({
        batch: { maxQueueSize: 5000, maxExportBatchSize: 64, scheduledDelayMillis: 5000 },
      });
      const tracer = tracing.getTracer('wire');
      const n = 5000;
      for (let i = 0; i < n; i++) tracer.startSpan('bulk', { attributes: { i } }).end();
      handle = undefined;
      await shutdownTracerProvider(tracing, { timeoutMillis: 20_000 });
      const received = receiver.spans({ name: 'bulk' });
      expect(received).toHaveLength(n);
      expect(new Set(received.map((s) => s.attributes.i)).size).toBe(n);
      expect(receiver.stats()[protocol].requests).toBeGreaterThanOrEqual(Math.ceil(n / 64));
    });
  });

  describe('collector failures', () => {
    it('should retry through transient failures without disturbing the app', async () => {
      const tracing = start();
      receiver.failNext(2);
      const result = withSpan('flaky', () => 'app result', { tracer: tracing.getTracer('wire') });
      expect(result).toBe('app result');
      await tracing.forceFlush();
      await receiver.waitForSpans(1, { name: 'flaky', timeoutMs: 15_000 });
    });

    it('should keep the app running and resolve shutdown when the collector is down', async () => {
      const diagLog = installTestDiagLogger();
      const down = await startOtlpReceiver();
      await down.stop();
      handle = initTracerProvider(
        receiverTraceConfig(down, protocol, {
          export: { timeoutMillis: 500 },
          batch: { exportTimeoutMillis: 1000 },
        }),
      );
      const tracer = handle.getTracer('wire');
      let ran = 0;
      for (let i = 0; i < 100; i++) {
        withSpan('lost', () => ran++, { tracer });
      }
      expect(ran).toBe(100);
      await expect(handle.forceFlush({ timeoutMillis: 3000 })).resolves.toBeUndefined();
      const tracing = handle;
      handle = undefined;
      await expect(
        shutdownTracerProvider(tracing, { timeoutMillis: 3000 }),
      ).resolves.toBeUndefined();
      expect(diagLog.messages.some((m) => m.level === 'error' || m.level === 'warn')).toBe(true);
    });
  });
});
