import {
  context,
  DiagLogLevel,
  diag,
  propagation,
  ROOT_CONTEXT,
  type SpanContext,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemorySpanExporter,
  SamplingDecision,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import { TelemetryConfigError } from '@proc/telemetry-config';
import { installTestDiagLogger, waitFor } from '@proc/telemetry-testing';
import { initTracerProvider, shutdownTracerProvider, type TracingHandle } from '../src/index.js';
import { TestSpanExporter } from './helpers/test-span-exporter.js';
import { testTraceConfig } from './helpers/test-trace-config.js';

function remoteParent(sampled: boolean) {
  const parent: SpanContext = {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
    traceFlags: sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: true,
  };
  return trace.setSpanContext(ROOT_CONTEXT, parent);
}

const isSampled = (ctx: SpanContext) => (ctx.traceFlags & TraceFlags.SAMPLED) !== 0;

describe('initTracerProvider', () => {
  const handles: TracingHandle[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  /** Starts a provider that is shut down after the test. */
  function init(...args: Parameters<typeof initTracerProvider>): TracingHandle {
    const handle = initTracerProvider(...args);
    handles.push(handle);
    return handle;
  }

  beforeAll(() => process.on('unhandledRejection', onUnhandled));
  afterAll(() => process.off('unhandledRejection', onUnhandled));

  afterEach(async () => {
    await Promise.all(handles.splice(0).map((h) => h.shutdown({ timeoutMillis: 1000 })));
    trace.disable();
    context.disable();
    propagation.disable();
    diag.disable();
    expect(unhandled).toEqual([]);
  });

  describe('initTracerProvider()', () => {
    it('should not register a global tracer provider', () => {
      const handle = init(testTraceConfig({ exporter: ['none'] }));
      expect(handle.getTracer('t').startSpan('s').isRecording()).toBe(true);
      expect(trace.getTracer('global').startSpan('s').isRecording()).toBe(false);
    });

    it('should batch with the configured maxExportBatchSize and export on forceFlush', async () => {
      const exporter = new TestSpanExporter();
      const handle = init(
        testTraceConfig({
          batch: { maxExportBatchSize: 10, maxQueueSize: 100, scheduledDelayMillis: 60_000 },
        }),
        undefined,
        { exporter },
      );
      const tracer = handle.getTracer('t');
      for (let i = 0; i < 35; i++) tracer.startSpan(`s${i}`).end();
      // the first full batch is exported at once; the rest waits for the (long) schedule or a flush
      expect(exporter.batches.map((b) => b.length)).toEqual([10]);
      await handle.forceFlush();
      expect(exporter.batches.map((b) => b.length)).toEqual([10, 10, 10, 5]);
    });

    it('should export a partial batch after scheduledDelayMillis', async () => {
      const exporter = new TestSpanExporter();
      const handle = init(testTraceConfig({ batch: { scheduledDelayMillis: 20 } }), undefined, {
        exporter,
      });
      handle.getTracer('t').startSpan('lonely').end();
      expect(exporter.spans).toHaveLength(0);
      await waitFor('the scheduled export', () => exporter.spans.length === 1);
    });

    it('should drop spans beyond maxQueueSize while an export is in flight', async () => {
      const exporter = new TestSpanExporter();
      exporter.mode = 'hold';
      const handle = init(
        testTraceConfig({ batch: { maxQueueSize: 20, maxExportBatchSize: 10 } }),
        undefined,
        { exporter },
      );
      const tracer = handle.getTracer('t');
      // 1-10 go to the held export, 11-30 fill the queue, 31-50 are dropped
      for (let i = 0; i < 50; i++) tracer.startSpan(`s${i}`).end();
      expect(handle.exportCounts()).toMatchObject({ ended: 50, queued: 30, dropped: 20 });
      exporter.release();
      await handle.forceFlush();
      expect(exporter.spans.map((span) => span.name)).toEqual(
        Array.from({ length: 30 }, (_, i) => `s${i}`),
      );
      expect(handle.exportCounts()).toMatchObject({ exported: 30, dropped: 20, queued: 0 });
    });

    it('should give up on an export after exportTimeoutMillis and report it', async () => {
      const diagLog = installTestDiagLogger();
      const exporter = new TestSpanExporter();
      exporter.mode = 'hang';
      const handle = init(testTraceConfig({ batch: { exportTimeoutMillis: 20 } }), undefined, {
        exporter,
      });
      handle.getTracer('t').startSpan('s').end();
      await handle.forceFlush();
      expect(diagLog.has('error', /Timeout/)).toBe(true);
    });

    it('should export nothing when enabled is false, even with an exporter given', async () => {
      const exporter = new TestSpanExporter();
      const handle = init(testTraceConfig({ enabled: false }), undefined, { exporter });
      const span = handle.getTracer('t').startSpan('s');
      expect(span.isRecording()).toBe(true);
      span.end();
      await handle.forceFlush();
      expect(exporter.batches).toHaveLength(0);
    });

    it('should send spans to extra span processors, with exporter none', async () => {
      const memory = new InMemorySpanExporter();
      const handle = init(testTraceConfig({ exporter: ['none'] }), undefined, {
        spanProcessors: [new SimpleSpanProcessor(memory)],
      });
      handle.getTracer('t').startSpan('s').end();
      expect(memory.getFinishedSpans().map((s) => s.name)).toEqual(['s']);
    });

    it('should make valid, distinct ids by default, and use the idGenerator given instead', () => {
      const pooled = init(testTraceConfig({ exporter: ['none'] })).getTracer('t');
      const contexts = Array.from({ length: 2100 }, () => pooled.startSpan('s').spanContext());
      expect(contexts.every((c) => trace.isSpanContextValid(c))).toBe(true);
      expect(new Set(contexts.map((c) => c.spanId)).size).toBe(2100);
      expect(new Set(contexts.map((c) => c.traceId)).size).toBe(2100);

      let n = 0;
      const given = init(testTraceConfig({ exporter: ['none'] }), undefined, {
        idGenerator: {
          generateTraceId: () => `${'a'.repeat(31)}${++n % 10}`,
          generateSpanId: () => `${'b'.repeat(15)}${n % 10}`,
        },
      }).getTracer('t');
      const root = given.startSpan('root');
      const child = given.startSpan('child', {}, trace.setSpan(ROOT_CONTEXT, root));
      expect(root.spanContext()).toMatchObject({
        traceId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1',
        spanId: 'bbbbbbbbbbbbbbb0',
      });
      expect(child.spanContext()).toMatchObject({
        traceId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1',
        spanId: 'bbbbbbbbbbbbbbb1',
      });
    });

    it('should attach the given resource', () => {
      const memory = new InMemorySpanExporter();
      const handle = init(
        testTraceConfig({ exporter: ['none'] }),
        resourceFromAttributes({ 'service.name': 'orders' }),
        { spanProcessors: [new SimpleSpanProcessor(memory)] },
      );
      handle.getTracer('t').startSpan('s').end();
      expect(memory.getFinishedSpans()[0]?.resource.attributes['service.name']).toBe('orders');
    });

    it('should apply every span limit from traceConfig.limits', () => {
      const memory = new InMemorySpanExporter();
      const handle = init(
        testTraceConfig({
          exporter: ['none'],
          limits: {
            attributeCountLimit: 2,
            attributeValueLengthLimit: 3,
            eventCountLimit: 1,
            linkCountLimit: 1,
            attributePerEventCountLimit: 1,
            attributePerLinkCountLimit: 1,
          },
        }),
        undefined,
        { spanProcessors: [new SimpleSpanProcessor(memory)] },
      );
      const tracer = handle.getTracer('t');
      const other = tracer.startSpan('other').spanContext();
      const span = tracer.startSpan('limited', {
        links: [
          { context: other, attributes: { a: 1, b: 2 } },
          { context: other, attributes: { c: 3 } },
        ],
      });
      span.setAttributes({ a: 'abcdef', b: 'x', c: 'y' });
      span.addEvent('e1', { x: 1, y: 2 });
      span.addEvent('e2');
      span.end();
      const [exported] = memory.getFinishedSpans();
      expect(exported?.attributes).toEqual({ a: 'abc', b: 'x' });
      expect(exported?.events.map((e) => e.name)).toEqual(['e2']);
      expect(exported?.events[0]?.droppedAttributesCount ?? 0).toBe(0);
      expect(exported?.links).toHaveLength(1);
      expect(Object.keys(exported?.links[0]?.attributes ?? {})).toHaveLength(1);
      expect(exported?.droppedEventsCount).toBe(1);
      expect(exported?.droppedLinksCount).toBe(1);
    });

    it('should report every invalid field at once, naming each', () => {
      const bad = testTraceConfig({
        sampler: { type: 'sometimes' as never, ratio: 2 },
        batch: { maxQueueSize: 10, maxExportBatchSize: 20, scheduledDelayMillis: 0 },
        export: { endpoint: '', protocol: 'udp' as never, compression: 'zstd' as never },
      });
      expect(() => initTracerProvider(bad)).toThrow(TelemetryConfigError);
      let message = '';
      try {
        initTracerProvider(bad);
      } catch (error) {
        message = (error as Error).message;
      }
      for (const path of [
        'traces.sampler.type (code): received "sometimes", expected one of: always_on, always_off, traceidratio',
        'traces.sampler.ratio (code): received 2, expected a number from 0 to 1',
        'traces.batch.scheduledDelayMillis (code): received 0, expected an integer > 0',
        'traces.batch.maxExportBatchSize (code): received 20, expected at most traces.batch.maxQueueSize (10)',
        'traces.export.endpoint (code): received "", expected an http:// or https:// URL',
        'traces.export.protocol (code): received "udp", expected one of: grpc, http/protobuf, http/json',
        'traces.export.compression (code): received "zstd", expected one of: gzip, none',
      ]) {
        expect(message).toContain(path);
      }
    });
  });

  describe('sampler', () => {
    function decisions(type: Parameters<typeof testTraceConfig>[0], parent = ROOT_CONTEXT) {
      const handle = init(testTraceConfig({ exporter: ['none'], ...type }));
      const tracer = handle.getTracer('t');
      return Array.from({ length: 200 }, () => tracer.startSpan('s', {}, parent).spanContext());
    }

    it.each([
      ['always_on', true],
      ['always_off', false],
      ['parentbased_always_on', true],
      ['parentbased_always_off', false],
    ] as const)('should decide %s for root spans', (type, sampled) => {
      const spans = decisions({ sampler: { type, ratio: 1 } });
      expect(spans.every((s) => isSampled(s) === sampled)).toBe(true);
    });

    it.each(['traceidratio', 'parentbased_traceidratio'] as const)(
      'should decide %s root spans exactly as TraceIdRatioBasedSampler',
      (type) => {
        const reference = new TraceIdRatioBasedSampler(0.3);
        const spans = decisions({ sampler: { type, ratio: 0.3 } });
        for (const span of spans) {
          const expected =
            reference.shouldSample(ROOT_CONTEXT, span.traceId).decision ===
            SamplingDecision.RECORD_AND_SAMPLED;
          expect(isSampled(span)).toBe(expected);
        }
        expect(spans.some(isSampled)).toBe(true);
        expect(spans.every(isSampled)).toBe(false);
      },
    );

    it.each([
      ['parentbased_always_off', true, true],
      ['parentbased_always_on', false, false],
      ['parentbased_traceidratio', true, true],
      ['always_off', true, false],
      ['always_on', false, true],
    ] as const)('should make %s follow a remote parent sampled=%s: %s', (type, parent, sampled) => {
      const spans = decisions({ sampler: { type, ratio: 0 } }, remoteParent(parent));
      expect(spans.every((s) => isSampled(s) === sampled)).toBe(true);
    });

    it('should describe itself', () => {
      expect(
        init(
          testTraceConfig({ sampler: { type: 'parentbased_traceidratio', ratio: 0.25 } }),
        ).sampler.toString(),
      ).toBe(
        'ParentBased{root=AdjustableRatioSampler{TraceIdRatioBased{0.25}}, remoteParentSampled=AlwaysOnSampler, remoteParentNotSampled=AlwaysOffSampler, localParentSampled=AlwaysOnSampler, localParentNotSampled=AlwaysOffSampler}',
      );
      expect(
        init(testTraceConfig({ sampler: { type: 'always_on', ratio: 1 } })).sampler.toString(),
      ).toBe('AdjustableRatioSampler{AlwaysOnSampler}');
    });
  });

  describe('setSamplingRatio', () => {
    it.each([-0.1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '0.5', null])(
      'should reject %p, naming the option and the accepted range',
      (ratio) => {
        const handle = init(testTraceConfig({ exporter: ['none'] }));
        expect(() => handle.setSamplingRatio(ratio as number)).toThrow(RangeError);
        expect(() => handle.setSamplingRatio(ratio as number)).toThrow(
          /setSamplingRatio\(ratio\): ratio must be a number from 0 to 1 inclusive/,
        );
        expect(handle.samplingRatio).toBe(1);
      },
    );

    it('should change root decisions of a live provider and report the ratio', () => {
      const handle = init(testTraceConfig({ exporter: ['none'], sampler: { type: 'always_on' } }));
      const tracer = handle.getTracer('t');
      const before = tracer.startSpan('before');
      handle.setSamplingRatio(0);
      expect(handle.samplingRatio).toBe(0);
      expect(handle.sampler.toString()).toBe('AdjustableRatioSampler{TraceIdRatioBased{0}}');
      expect(isSampled(tracer.startSpan('off').spanContext())).toBe(false);
      expect(before.isRecording()).toBe(true);
      handle.setSamplingRatio(1);
      expect(isSampled(tracer.startSpan('on').spanContext())).toBe(true);
    });

    it('should keep children of a sampled local parent sampled (parentbased)', () => {
      const handle = init(
        testTraceConfig({ exporter: ['none'], sampler: { type: 'parentbased_always_on' } }),
      );
      const tracer = handle.getTracer('t');
      const parent = tracer.startSpan('parent');
      handle.setSamplingRatio(0);
      const child = tracer.startSpan('child', {}, trace.setSpan(ROOT_CONTEXT, parent));
      expect(isSampled(child.spanContext())).toBe(true);
      expect(isSampled(tracer.startSpan('root').spanContext())).toBe(false);
    });
  });

  describe('forceFlush', () => {
    it('should resolve and report through diag when the export fails', async () => {
      const diagLog = installTestDiagLogger();
      const exporter = new TestSpanExporter();
      exporter.mode = 'fail';
      const handle = init(testTraceConfig(), undefined, { exporter });
      handle.getTracer('t').startSpan('s').end();
      await expect(handle.forceFlush()).resolves.toBeUndefined();
      expect(diagLog.has('error', /collector unavailable/)).toBe(true);
    });

    it.each([-1, 0, Number.NaN, '5' as unknown as number])(
      'should warn about timeoutMillis %p and use the default',
      async (timeoutMillis) => {
        const diagLog = installTestDiagLogger();
        const handle = init(testTraceConfig({ exporter: ['none'] }));
        await expect(handle.forceFlush({ timeoutMillis })).resolves.toBeUndefined();
        await expect(handle.shutdown({ timeoutMillis })).resolves.toBeUndefined();
        expect(
          diagLog.has(
            'warn',
            /forceFlush: timeoutMillis must be a finite number > 0, .*using 30000/,
          ),
        ).toBe(true);
        expect(diagLog.has('warn', /shutdown: timeoutMillis must be a finite number > 0/)).toBe(
          true,
        );
      },
    );
  });
});

describe('shutdownTracerProvider', () => {
  afterEach(() => {
    trace.disable();
    diag.disable();
  });

  describe('shutdownTracerProvider()', () => {
    it('should export every span ended before shutdown, in batches', async () => {
      const exporter = new TestSpanExporter();
      const handle = initTracerProvider(
        testTraceConfig({ batch: { maxQueueSize: 5000, maxExportBatchSize: 50 } }),
        undefined,
        { exporter },
      );
      const tracer = handle.getTracer('t');
      for (let i = 0; i < 5000; i++) tracer.startSpan(`s${i}`).end();
      await shutdownTracerProvider(handle, { timeoutMillis: 10_000 });
      expect(exporter.spans).toHaveLength(5000);
      expect(new Set(exporter.spans.map((s) => s.name)).size).toBe(5000);
      expect(Math.max(...exporter.batches.map((b) => b.length))).toBe(50);
      expect(exporter.shutdownCalls).toBe(1);
    });

    it('should resolve with a complete report and log it at info when nothing was lost', async () => {
      const diagLog = installTestDiagLogger({ logLevel: DiagLogLevel.INFO });
      const exporter = new TestSpanExporter();
      const handle = initTracerProvider(testTraceConfig(), undefined, { exporter });
      for (let i = 0; i < 3; i++) handle.getTracer('t').startSpan('s').end();
      await expect(shutdownTracerProvider(handle)).resolves.toMatchObject({
        exported: 3,
        complete: true,
      });
      expect(diagLog.has('info', /shutdown: spans 3 ended, 3 exported/)).toBe(true);
    });

    it('should not log the summary with shutdownSummary: false, and still report', async () => {
      const diagLog = installTestDiagLogger({ logLevel: DiagLogLevel.INFO });
      const exporter = new TestSpanExporter();
      const handle = initTracerProvider(testTraceConfig(), undefined, {
        exporter,
        shutdownSummary: false,
      });
      handle.getTracer('t').startSpan('s').end();
      await expect(shutdownTracerProvider(handle)).resolves.toMatchObject({ exported: 1 });
      expect(diagLog.has('info', /shutdown: spans/)).toBe(false);
    });

    it('should resolve with no report when nothing is exported', async () => {
      const handle = initTracerProvider(testTraceConfig({ exporter: ['none'] }));
      await expect(shutdownTracerProvider(handle)).resolves.toBeUndefined();
    });

    it('should not export a span that ends after shutdown', async () => {
      const exporter = new TestSpanExporter();
      const handle = initTracerProvider(testTraceConfig(), undefined, { exporter });
      const open = handle.getTracer('t').startSpan('still-open');
      await shutdownTracerProvider(handle);
      open.end();
      expect(exporter.spans).toHaveLength(0);
    });

    it('should report spans still open and spans dropped from a full queue', async () => {
      const diagLog = installTestDiagLogger();
      const exporter = new TestSpanExporter();
      exporter.mode = 'hold';
      const handle = initTracerProvider(
        testTraceConfig({ batch: { maxQueueSize: 20, maxExportBatchSize: 20 } }),
        undefined,
        { exporter },
      );
      const tracer = handle.getTracer('t');
      const open = [tracer.startSpan('open-1'), tracer.startSpan('open-2')];
      // 1-20 go to the held export, 21-40 fill the queue, 41-50 are dropped at shutdown's flush
      // (it drains them while the first export is still held)
      for (let i = 0; i < 50; i++) tracer.startSpan(`s${i}`).end();
      const shutdown = shutdownTracerProvider(handle);
      exporter.release();
      await expect(shutdown).resolves.toEqual({
        signal: 'traces',
        items: 'spans',
        recorded: 50,
        exported: 40,
        failed: 0,
        dropped: { queueFull: 10, timeout: 0, shutdown: 0, invalid: 0 },
        open: 2,
        deadlineHit: false,
        complete: false,
      });
      for (const span of open) span.end();
      expect(exporter.spans).toHaveLength(40);
      expect(handle.exportCounts()).toMatchObject({
        ended: 50,
        exported: 40,
        dropped: 10,
        queued: 0,
        endedAfterShutdown: 2,
      });
      expect(
        diagLog.has(
          'warn',
          /shutdown: spans 50 ended, 40 exported, 0 still queued, 10 dropped \(queue full\), 0 failed, 0 unencodable, 2 still open/,
        ),
      ).toBe(true);
    });

    it('should count the spans whose final export failed', async () => {
      const diagLog = installTestDiagLogger();
      const exporter = new TestSpanExporter();
      exporter.mode = 'fail';
      const handle = initTracerProvider(testTraceConfig(), undefined, { exporter });
      for (let i = 0; i < 3; i++) handle.getTracer('t').startSpan('s').end();
      await shutdownTracerProvider(handle);
      expect(handle.exportCounts()).toMatchObject({ ended: 3, exported: 0, failed: 3 });
      expect(diagLog.has('error', /traces: export of 3 item\(s\) failed after 1 attempt/)).toBe(
        true,
      );
      expect(diagLog.has('warn', /shutdown: spans 3 ended, 0 exported, .* 3 failed/)).toBe(true);
      expect(exporter.shutdownCalls).toBe(1);
    });

    it('should resolve by the deadline when the exporter hangs, and give the counts', async () => {
      const diagLog = installTestDiagLogger();
      const exporter = new TestSpanExporter();
      exporter.mode = 'hang';
      const handle = initTracerProvider(
        testTraceConfig({ batch: { exportTimeoutMillis: 60_000 } }),
        undefined,
        { exporter },
      );
      handle.getTracer('t').startSpan('s').end();
      await expect(shutdownTracerProvider(handle, { timeoutMillis: 50 })).resolves.toMatchObject({
        exported: 0,
        dropped: { timeout: 1 },
        deadlineHit: true,
        complete: false,
      });
      expect(
        diagLog.has(
          'warn',
          /shutdown: spans 1 ended, 0 exported, 1 still queued, .*not finished within 50 ms/,
        ),
      ).toBe(true);
      expect(exporter.shutdownCalls).toBe(1);
    });

    it('should export spans that end while shutdown flushes', async () => {
      const exporter = new TestSpanExporter();
      exporter.mode = 'hold';
      const handle = initTracerProvider(testTraceConfig(), undefined, { exporter });
      const tracer = handle.getTracer('t');
      tracer.startSpan('before').end();
      const late = tracer.startSpan('during');
      const shutdown = shutdownTracerProvider(handle, { timeoutMillis: 5000 });
      late.end();
      exporter.release();
      await shutdown;
      expect(exporter.spans.map((span) => span.name).sort()).toEqual(['before', 'during']);
      expect(handle.exportCounts()).toMatchObject({ ended: 2, exported: 2, endedAfterShutdown: 0 });
    });

    it('should warn and return on a second call', async () => {
      const diagLog = installTestDiagLogger();
      const exporter = new TestSpanExporter();
      const handle = initTracerProvider(testTraceConfig(), undefined, { exporter });
      const report = await shutdownTracerProvider(handle);
      await expect(shutdownTracerProvider(handle)).resolves.toBe(report);
      expect(diagLog.has('warn', /shutdown\(\) called more than once/)).toBe(true);
      await handle.forceFlush();
      expect(diagLog.has('warn', /forceFlush\(\) after shutdown\(\) does nothing/)).toBe(true);
      expect(exporter.shutdownCalls).toBe(1);
    });

    it('should prefix diag messages with the package name', async () => {
      const diagLog = installTestDiagLogger();
      const handle = initTracerProvider(testTraceConfig({ exporter: ['none'] }));
      await shutdownTracerProvider(handle);
      await shutdownTracerProvider(handle);
      expect(diagLog.has('warn', /^@proc\/telemetry-tracing /)).toBe(true);
    });
  });
});
