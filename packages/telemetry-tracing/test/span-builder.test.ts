import {
  context,
  createContextKey,
  diag,
  type Span,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { spanBuilder } from '../src/index.js';
import { createTestTracer, type TestTracer } from './helpers/test-tracer.js';

describe('spanBuilder', () => {
  let t: TestTracer;

  beforeEach(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    t = createTestTracer();
  });

  afterEach(async () => {
    await t.provider.shutdown();
    context.disable();
    trace.disable();
    diag.disable();
  });

  const finished = () => t.exporter.getFinishedSpans();

  describe('spanBuilder()', () => {
    it('should reject an empty or non-string name', () => {
      expect(() => spanBuilder('')).toThrow(
        /^@proc\/telemetry-tracing: spanBuilder\(name\): name must be a non-empty string/,
      );
      expect(() => spanBuilder(undefined as unknown as string)).toThrow(TypeError);
    });
  });

  describe('kind', () => {
    it.each([
      ['INTERNAL', SpanKind.INTERNAL],
      ['SERVER', SpanKind.SERVER],
      ['CLIENT', SpanKind.CLIENT],
      ['PRODUCER', SpanKind.PRODUCER],
      ['CONSUMER', SpanKind.CONSUMER],
    ])('should set kind %s', (_name, kind) => {
      spanBuilder('k', { tracer: t.tracer }).kind(kind).start().end();
      expect(finished()[0]?.kind).toBe(kind);
    });

    it('should default to INTERNAL', () => {
      spanBuilder('k', { tracer: t.tracer }).start().end();
      expect(finished()[0]?.kind).toBe(SpanKind.INTERNAL);
    });

    it('should reject a value that is not a SpanKind, naming the accepted kinds', () => {
      expect(() => spanBuilder('k').kind(7 as SpanKind)).toThrow(
        /INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER/,
      );
    });
  });

  describe('attribute', () => {
    it('should keep every OpenTelemetry attribute value type', () => {
      spanBuilder('a', { tracer: t.tracer })
        .attribute('s', 'text')
        .attribute('i', 42)
        .attribute('f', 1.5)
        .attribute('b', false)
        .attribute('ss', ['x', 'y'])
        .attribute('ns', [1, 2.5])
        .attribute('bs', [true, false])
        .attribute('gone', 'x')
        .attribute('gone', undefined)
        .start()
        .end();
      expect(finished()[0]?.attributes).toEqual({
        s: 'text',
        i: 42,
        f: 1.5,
        b: false,
        ss: ['x', 'y'],
        ns: [1, 2.5],
        bs: [true, false],
      });
    });

    it('should reject an empty key', () => {
      expect(() => spanBuilder('a').attribute('', 1)).toThrow(/key must be a non-empty string/);
    });
  });

  describe('attributes', () => {
    it('should merge over attributes set before', () => {
      spanBuilder('a', { tracer: t.tracer })
        .attribute('a', 1)
        .attributes({ a: 2, b: 'x' })
        .start()
        .end();
      expect(finished()[0]?.attributes).toEqual({ a: 2, b: 'x' });
    });

    it('should never write to the object it was given, whatever is set after it', () => {
      const given = Object.freeze({ a: 1, b: 'x' });
      const builder = spanBuilder('a', { tracer: t.tracer }).attributes(given);
      builder.start().end();
      builder.attribute('a', undefined).attributes({ c: true }).attribute('d', 4).start().end();
      expect(finished().map((span) => span.attributes)).toEqual([
        { a: 1, b: 'x' },
        { b: 'x', c: true, d: 4 },
      ]);
      expect(given).toEqual({ a: 1, b: 'x' });
    });

    it('should leave out an undefined value without a warning, as a copy would, and reject an empty key', () => {
      const diagLog = installTestDiagLogger();
      spanBuilder('a', { tracer: t.tracer }).attributes({ a: 1, b: undefined }).start().end();
      expect(finished()[0]?.attributes).toEqual({ a: 1 });
      expect(diagLog.has('warn', /./)).toBe(false);
      expect(() => spanBuilder('a').attributes({ a: 1, '': 1 })).toThrow(
        /key must be a non-empty string/,
      );
    });
  });

  describe('link', () => {
    it('should add links with and without attributes', () => {
      const other = t.tracer.startSpan('other');
      other.end();
      const otherContext = other.spanContext();
      spanBuilder('l', { tracer: t.tracer })
        .link(otherContext, { reason: 'retry' })
        .link(otherContext)
        .start()
        .end();
      const links = finished()[1]?.links;
      expect(links).toHaveLength(2);
      expect(links?.[0]).toMatchObject({ context: otherContext, attributes: { reason: 'retry' } });
      expect(links?.[1]?.context).toEqual(otherContext);
    });

    it.each([
      ['{}', {}],
      ['null', null],
      ['a string', 'trace'],
      ['ids that are not strings', { traceId: 1, spanId: 2, traceFlags: 1 }],
    ])(
      'should drop a link to %s with a diag warning (regression: it failed the whole export batch)',
      (_, value) => {
        const diagLog = installTestDiagLogger();
        spanBuilder('l', { tracer: t.tracer })
          .link(value as never)
          .start()
          .end();
        expect(finished()[0]?.links).toEqual([]);
        expect(
          diagLog.has('warn', /spanBuilder\.link: expected a SpanContext .*the link is dropped/),
        ).toBe(true);
      },
    );

    it('should drop link attributes that are not an object', () => {
      const other = t.tracer.startSpan('other');
      other.end();
      spanBuilder('l', { tracer: t.tracer })
        .link(other.spanContext(), null as never)
        .start()
        .end();
      expect(finished()[1]?.links[0]).toEqual({ context: other.spanContext() });
    });
  });

  describe('startTime', () => {
    it('should use the given start time', () => {
      spanBuilder('t', { tracer: t.tracer }).startTime(new Date(1_700_000_000_000)).start().end();
      expect(finished()[0]?.startTime).toEqual([1_700_000_000, 0]);
    });
  });

  describe('parent', () => {
    it('should use the active span as parent by default', () => {
      const outer = t.tracer.startSpan('outer');
      context.with(trace.setSpan(context.active(), outer), () => {
        spanBuilder('inner', { tracer: t.tracer }).start().end();
      });
      outer.end();
      const inner = finished().find((s) => s.name === 'inner');
      expect(inner?.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
      expect(inner?.spanContext().traceId).toBe(outer.spanContext().traceId);
    });

    it('should use an explicit parent context over the active one', () => {
      const explicit = t.tracer.startSpan('explicit');
      const active = t.tracer.startSpan('active');
      context.with(trace.setSpan(context.active(), active), () => {
        spanBuilder('child', { tracer: t.tracer })
          .parent(trace.setSpan(context.active(), explicit))
          .start()
          .end();
      });
      const child = finished().find((s) => s.name === 'child');
      expect(child?.parentSpanContext?.spanId).toBe(explicit.spanContext().spanId);
    });
  });

  describe('noParent', () => {
    it('should start a new trace inside an active span', () => {
      const outer = t.tracer.startSpan('outer');
      context.with(trace.setSpan(context.active(), outer), () => {
        spanBuilder('root', { tracer: t.tracer }).noParent().start().end();
      });
      const root = finished()[0];
      expect(root?.parentSpanContext).toBeUndefined();
      expect(root?.spanContext().traceId).not.toBe(outer.spanContext().traceId);
    });

    it('should hand the processors the caller context without its span, with or without one active', () => {
      const seen: Array<{ value: unknown; span: unknown }> = [];
      const key = createContextKey('test value');
      const provider = new BasicTracerProvider({
        spanProcessors: [
          {
            onStart: (_span, parent) =>
              seen.push({ value: parent.getValue(key), span: trace.getSpan(parent) }),
            onEnd: () => {},
            forceFlush: async () => {},
            shutdown: async () => {},
          },
        ],
      });
      const tracer = provider.getTracer('test');
      const withValue = context.active().setValue(key, 'kept');
      const outer = tracer.startSpan('outer');
      context.with(withValue, () => spanBuilder('no span active', { tracer }).noParent().start());
      context.with(trace.setSpan(withValue, outer), () =>
        spanBuilder('under a span', { tracer }).noParent().start(),
      );
      // seen[0] is the outer span's own start.
      expect(seen.slice(1)).toEqual([
        { value: 'kept', span: undefined },
        { value: 'kept', span: undefined },
      ]);
    });
  });

  describe('start', () => {
    it('should not make the span active and leave ending to the caller', () => {
      const span = spanBuilder('s', { tracer: t.tracer }).start();
      expect(trace.getActiveSpan()).toBeUndefined();
      expect(finished()).toHaveLength(0);
      span.end();
      expect(finished()).toHaveLength(1);
    });

    it('should use the global tracer provider when no tracer is given', () => {
      trace.setGlobalTracerProvider(t.provider);
      spanBuilder('global').start().end();
      expect(finished()[0]?.instrumentationScope.name).toBe('@proc/telemetry-tracing');
    });

    it('should give a non-recording span when no provider is registered', () => {
      const span = spanBuilder('noop').start();
      expect(span.isRecording()).toBe(false);
      expect(span.spanContext().traceFlags & TraceFlags.SAMPLED).toBe(0);
      span.end();
    });
  });

  describe('startActive', () => {
    it('should run fn with the span active, end it and return the result', () => {
      let seen: Span | undefined;
      const result = spanBuilder('sync', { tracer: t.tracer }).startActive((span) => {
        seen = trace.getActiveSpan();
        expect(seen).toBe(span);
        return 7;
      });
      expect(result).toBe(7);
      expect(finished()).toHaveLength(1);
      expect(finished()[0]?.status.code).toBe(SpanStatusCode.UNSET);
      expect(trace.getActiveSpan()).toBeUndefined();
    });

    it('should keep the span active across awaits and end it when the promise resolves', async () => {
      const promise = spanBuilder('async', { tracer: t.tracer }).startActive(async (span) => {
        await new Promise((resolve) => setImmediate(resolve));
        expect(trace.getActiveSpan()).toBe(span);
        spanBuilder('nested', { tracer: t.tracer }).start().end();
        return 'done';
      });
      expect(finished()).toHaveLength(0);
      await expect(promise).resolves.toBe('done');
      const outer = finished().find((s) => s.name === 'async');
      const nested = finished().find((s) => s.name === 'nested');
      expect(nested?.parentSpanContext?.spanId).toBe(outer?.spanContext().spanId);
    });

    it('should record a sync throw, set ERROR and rethrow the same error', () => {
      const error = new TypeError('bad event');
      expect(() =>
        spanBuilder('throws', { tracer: t.tracer }).startActive(() => {
          throw error;
        }),
      ).toThrow(error);
      const span = finished()[0];
      expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'bad event' });
      expect(span?.events[0]?.name).toBe('exception');
      expect(span?.events[0]?.attributes).toMatchObject({
        'exception.type': 'TypeError',
        'exception.message': 'bad event',
      });
    });

    it('should record a rejection, set ERROR and reject with the same reason', async () => {
      const error = new Error('sink down');
      await expect(
        spanBuilder('rejects', { tracer: t.tracer }).startActive(async () => {
          throw error;
        }),
      ).rejects.toBe(error);
      const span = finished()[0];
      expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'sink down' });
      expect(span?.events.map((e) => e.name)).toEqual(['exception']);
    });

    it('should create a new span on every call', () => {
      const builder = spanBuilder('again', { tracer: t.tracer }).attribute('n', 1);
      builder.startActive(() => undefined);
      builder.attribute('n', 2).startActive(() => undefined);
      expect(finished().map((s) => s.attributes.n)).toEqual([1, 2]);
      expect(finished()[0]?.spanContext().spanId).not.toBe(finished()[1]?.spanContext().spanId);
    });
  });
});
