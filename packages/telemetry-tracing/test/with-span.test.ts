import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { traced, withSpan } from '../src/index.js';
import { createTestTracer, useGlobalTestTracer } from './helpers/test-tracer.js';

describe('withSpan and traced', () => {
  const t = useGlobalTestTracer();

  const finished = () => t.exporter.getFinishedSpans();

  describe('withSpan', () => {
    it('should return a sync result and end the span with the options applied', () => {
      const result = withSpan('sum', () => 3, {
        kind: SpanKind.CONSUMER,
        attributes: { 'processor.window.id': 'w1' },
      });
      expect(result).toBe(3);
      expect(finished()[0]).toMatchObject({
        name: 'sum',
        kind: SpanKind.CONSUMER,
        attributes: { 'processor.window.id': 'w1' },
      });
    });

    it('should leave out an undefined attribute without a warning, and reject an empty key', () => {
      const diagLog = installTestDiagLogger();
      withSpan('a', () => 1, { attributes: { a: 1, b: undefined } });
      expect(finished()[0]?.attributes).toEqual({ a: 1 });
      expect(diagLog.has('warn', /./)).toBe(false);
      expect(() => withSpan('a', () => 1, { attributes: { a: 1, '': 2 } })).toThrow(
        /^@proc\/telemetry-tracing: spanBuilder\.attribute\(key\): key must be a non-empty string/,
      );
      expect(finished()).toHaveLength(1);
    });

    it('should record a sync throw as exception + ERROR and rethrow it', () => {
      expect(() =>
        withSpan('fails', () => {
          throw new Error('sync failure');
        }),
      ).toThrow('sync failure');
      expect(finished()[0]?.status).toEqual({
        code: SpanStatusCode.ERROR,
        message: 'sync failure',
      });
      expect(finished()[0]?.events[0]?.attributes?.['exception.message']).toBe('sync failure');
    });

    it('should record an async rejection as exception + ERROR and reject with it', async () => {
      await expect(
        withSpan('fails-async', async () => {
          await Promise.resolve();
          throw new Error('async failure');
        }),
      ).rejects.toThrow('async failure');
      expect(finished()[0]?.status).toEqual({
        code: SpanStatusCode.ERROR,
        message: 'async failure',
      });
    });

    it('should record a thrown string', () => {
      expect(() =>
        withSpan('string', () => {
          throw 'plain string';
        }),
      ).toThrow('plain string');
      expect(finished()[0]?.events[0]?.attributes).toEqual({
        'exception.type': 'string',
        'exception.message': 'plain string',
      });
    });

    it('should honour root and an explicit tracer', () => {
      const other = createTestTracer();
      withSpan('outer', () =>
        withSpan('root', () => undefined, { root: true, tracer: other.tracer }),
      );
      const root = other.exporter.getFinishedSpans()[0];
      expect(root?.parentSpanContext).toBeUndefined();
      expect(finished()).toHaveLength(1);
    });
  });

  describe('traced', () => {
    it('should wrap a sync function, passing this and arguments through', () => {
      const counter = {
        base: 10,
        add: traced('add', function (this: { base: number }, n: number) {
          return this.base + n;
        }),
      };
      expect(counter.add(5)).toBe(15);
      expect(finished().map((s) => s.name)).toEqual(['add']);
    });

    it('should make the span active inside the wrapped function', async () => {
      const handle = traced('handle', async (id: string) => {
        trace.getActiveSpan()?.setAttribute('processor.event.id', id);
        return id.length;
      });
      await expect(handle('abc')).resolves.toBe(3);
      expect(finished()[0]?.attributes).toEqual({ 'processor.event.id': 'abc' });
    });

    it('should record and rethrow for sync and async functions, one span per call', async () => {
      const syncFails = traced('sync', () => {
        throw new TypeError('bad input');
      });
      const asyncFails = traced('async', async () => Promise.reject(new Error('timeout')));
      expect(() => syncFails()).toThrow('bad input');
      await expect(asyncFails()).rejects.toThrow('timeout');
      await expect(asyncFails()).rejects.toThrow('timeout');
      expect(finished().map((s) => [s.name, s.status.code])).toEqual([
        ['sync', SpanStatusCode.ERROR],
        ['async', SpanStatusCode.ERROR],
        ['async', SpanStatusCode.ERROR],
      ]);
    });

    it('should reject a bad name when wrapping, not on the first call', () => {
      expect(() => traced('', () => 1)).toThrow(/non-empty string/);
    });
  });
});
