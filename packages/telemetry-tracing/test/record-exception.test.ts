import { diag, type Span, SpanStatusCode, trace } from '@opentelemetry/api';
import { recordException } from '../src/index.js';
import { createTestTracer, type TestTracer } from './helpers/test-tracer.js';

describe('recordException', () => {
  let t: TestTracer;

  beforeEach(() => {
    t = createTestTracer();
  });

  afterEach(async () => {
    await t.provider.shutdown();
    trace.disable();
    diag.disable();
  });

  /** Records `thrown` on a fresh span and returns the exported span. */
  function record(thrown: unknown, attributes?: Record<string, string>) {
    const span = t.tracer.startSpan('work');
    recordException(span, thrown, attributes);
    span.end();
    const exported = t.exporter.getFinishedSpans().at(-1);
    const event = exported?.events[0];
    return { exported, event, attributes: event?.attributes ?? {} };
  }

  describe('recordException()', () => {
    it('should record an Error with type, message and stack, and set ERROR status', () => {
      const error = new RangeError('window out of range');
      const { exported, event, attributes } = record(error);
      expect(event?.name).toBe('exception');
      expect(attributes).toEqual({
        'exception.type': 'RangeError',
        'exception.message': 'window out of range',
        'exception.stacktrace': error.stack,
      });
      expect(exported?.status).toEqual({
        code: SpanStatusCode.ERROR,
        message: 'window out of range',
      });
    });

    it('should name a subclass by its constructor when it keeps the name Error', () => {
      class WindowError extends Error {}
      expect(record(new WindowError('late event')).attributes['exception.type']).toBe(
        'WindowError',
      );
    });

    it('should keep a custom name', () => {
      const error = new Error('x');
      error.name = 'KafkaJSError';
      expect(record(error).attributes['exception.type']).toBe('KafkaJSError');
    });

    it.each([
      ['a string', 'boom', { type: 'string', message: 'boom' }],
      ['a number', 42, { type: 'number', message: '42' }],
      ['a bigint', 10n, { type: 'bigint', message: '10' }],
      ['a boolean', false, { type: 'boolean', message: 'false' }],
      ['null', null, { type: 'null', message: 'null' }],
      ['undefined', undefined, { type: 'undefined', message: 'undefined' }],
      ['a symbol', Symbol('sym'), { type: 'symbol', message: 'Symbol(sym)' }],
      ['a function', function handler() {}, { type: 'function', message: 'handler' }],
      [
        'a plain object',
        { code: 'E1', detail: 'x' },
        { type: 'Object', message: '{"code":"E1","detail":"x"}' },
      ],
      [
        'an error-like object',
        { name: 'HttpError', message: 'status 503' },
        { type: 'HttpError', message: 'status 503' },
      ],
      [
        'an object with its own toString',
        { toString: () => 'custom text' },
        { type: 'Object', message: 'custom text' },
      ],
    ])('should describe %s without throwing', (_what, thrown, expected) => {
      const { exported, attributes } = record(thrown);
      expect(attributes).toEqual({
        'exception.type': expected.type,
        'exception.message': expected.message,
      });
      expect(exported?.status).toEqual({ code: SpanStatusCode.ERROR, message: expected.message });
    });

    it('should survive an object whose toString and toJSON throw', () => {
      const hostile = {
        toString() {
          throw new Error('no toString');
        },
        toJSON() {
          throw new Error('no toJSON');
        },
      };
      expect(record(hostile).attributes).toEqual({
        'exception.type': 'Object',
        'exception.message': '[object Object]',
      });
    });

    it('should survive a circular object and an object without prototype', () => {
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      expect(record(circular).attributes['exception.message']).toBe('[object Object]');
      const bare = Object.create(null) as object;
      expect(record(bare).attributes).toEqual({
        'exception.type': 'Object',
        'exception.message': '{}',
      });
    });

    it('should survive a proxy whose every property access throws', () => {
      const proxy = new Proxy(
        {},
        {
          get() {
            throw new Error('trap');
          },
          ownKeys() {
            throw new Error('trap');
          },
          getPrototypeOf() {
            throw new Error('trap');
          },
        },
      );
      const { attributes, exported } = record(proxy);
      expect(attributes['exception.type']).toBe('Object');
      expect(exported?.status.code).toBe(SpanStatusCode.ERROR);
    });

    it('should add extra attributes, which win over computed ones', () => {
      const { attributes } = record(new Error('x'), {
        'processor.event.type': 'click',
        'exception.type': 'Overridden',
      });
      expect(attributes).toMatchObject({
        'processor.event.type': 'click',
        'exception.type': 'Overridden',
        'exception.message': 'x',
      });
    });

    it('should not read the error for a span that does not record', () => {
      let reads = 0;
      const error = {
        get stack() {
          reads++;
          return 'stack';
        },
        get message() {
          reads++;
          return 'message';
        },
      };
      const unsampled = trace.wrapSpanContext({
        traceId: '0af7651916cd43dd8448eb211c80319c',
        spanId: 'b7ad6b7169203331',
        traceFlags: 0,
      });
      recordException(unsampled, error);
      expect(reads).toBe(0);
      record(error);
      expect(reads).toBeGreaterThan(0);
    });

    it('should not throw when the span itself throws', () => {
      const broken = {
        isRecording: () => true,
        addEvent() {
          throw new Error('broken span');
        },
      } as unknown as Span;
      expect(() => recordException(broken, new Error('x'))).not.toThrow();
    });
  });
});
