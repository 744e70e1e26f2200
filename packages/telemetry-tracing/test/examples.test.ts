import { SpanStatusCode } from '@opentelemetry/api';
import { spanHelpers } from './examples/span-helpers.js';
import { useGlobalTestTracer } from './helpers/test-tracer.js';

describe('examples', () => {
  const t = useGlobalTestTracer();

  describe('spanHelpers', () => {
    it('should run as the README shows it', async () => {
      const upstream = t.tracer.startSpan('upstream');
      upstream.end();
      const result = await spanHelpers(
        { save: async (e) => `saved ${e.id}` },
        { id: 'e1', raw: '{not json' },
        upstream.spanContext(),
      );
      expect(result).toEqual({ saved: 'saved e1', total: 6 });
      const spans = t.exporter.getFinishedSpans();
      expect(spans.map((s) => s.name)).toEqual([
        'upstream',
        'fetch-window',
        'processor.process_event',
        'sum-window',
        'handle-event',
        'parse-event',
      ]);
      const parse = spans.at(-1);
      expect(parse?.status.code).toBe(SpanStatusCode.ERROR);
      expect(parse?.events[0]?.attributes).toMatchObject({
        'exception.type': 'SyntaxError',
        'processor.event.type': 'click',
      });
    });
  });
});
