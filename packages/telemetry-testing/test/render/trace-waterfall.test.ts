// The waterfall's options beyond the CLI's defaults: collapsing runs of same-named siblings,
// link counts, and the checks on widths and limits.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { type ReceivedSpan, renderTraceWaterfall } from '../../src/index.js';

const MS = 1_000_000n;
const T0 = 1_700_000_000_000_000_000n;
const TRACE_ID = 'aaaabbbbccccddddeeeeffff00001111';

function span(
  name: string,
  spanId: number,
  parent: number | undefined,
  startMs: number,
  endMs: number,
  extra: Partial<ReceivedSpan> = {},
): ReceivedSpan {
  const id = (n: number) => n.toString(16).padStart(16, '0');
  return {
    traceId: TRACE_ID,
    spanId: id(spanId),
    ...(parent === undefined ? {} : { parentSpanId: id(parent) }),
    flags: 1,
    name,
    kind: SpanKind.INTERNAL,
    status: { code: SpanStatusCode.UNSET },
    attributes: {},
    events: [],
    links: [],
    resource: {},
    scope: { name: 'test', attributes: {} },
    startTimeUnixNano: T0 + BigInt(startMs) * MS,
    endTimeUnixNano: T0 + BigInt(endMs) * MS,
    protocol: 'http/json',
    ...extra,
  };
}

/** A batch span (id 1) with `events` message children (ids 10…), then two window spans. */
function batchTrace(events: number, failed: number[] = []): ReceivedSpan[] {
  const spans = [span('batch', 1, undefined, 0, 100)];
  for (let i = 0; i < events; i++) {
    const extra = failed.includes(i) ? { status: { code: SpanStatusCode.ERROR } } : {};
    spans.push(span('process event', 10 + i, 1, i, i + 1, extra));
    // Each message span has a child of its own, hidden with it when collapsed.
    spans.push(span('parse', 1000 + i, 10 + i, i, i + 1));
  }
  spans.push(span('window emit', 2, 1, 90, 95), span('window emit', 3, 1, 95, 100));
  return spans;
}

const names = (lines: string[]) => lines.slice(1).map((l) => l.split('│')[0]!.trimEnd());

describe('renderTraceWaterfall', () => {
  it('should return no lines for no spans', () => {
    expect(renderTraceWaterfall([])).toEqual([]);
  });

  describe('maxSameName', () => {
    it('should draw every sibling by default', () => {
      const lines = renderTraceWaterfall(batchTrace(5), { maxSpans: 100 });
      expect(lines).toHaveLength(1 + 1 + 5 * 2 + 2);
      expect(lines.join('\n')).not.toContain('more');
    });

    it('should sum up a run of same-named siblings past the limit in one line', () => {
      const lines = renderTraceWaterfall(batchTrace(40), { maxSameName: 3, nameWidth: 20 });
      expect(lines[0]).toBe(`trace ${TRACE_ID}  batch  100.0ms  (83 spans)`);
      expect(names(lines)).toEqual([
        '  batch',
        '    process event',
        '      parse',
        '    process event',
        '      parse',
        '    process event',
        '      parse',
        '    … 37 more process event',
        '    window emit',
        '    window emit',
      ]);
    });

    it('should still draw the failed spans of a collapsed run', () => {
      const lines = renderTraceWaterfall(batchTrace(10, [7]), { maxSameName: 2 });
      const failed = lines.filter((l) => l.endsWith(' ✗'));
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatch(/^ {4}process event +│/);
      expect(lines).toContain('    … 7 more process event');
    });

    it('should leave the spans of a run cut by maxSpans to the last line', () => {
      const lines = renderTraceWaterfall(batchTrace(40), { maxSameName: 3, maxSpans: 4 });
      // The run ends after the 4th span is drawn: its hidden spans count in the last line.
      expect(lines.join('\n')).not.toContain('more process event');
      expect(lines.at(-1)).toBe(`  … ${83 - 4} more span(s)`);
    });

    it('should throw on a limit below 1', () => {
      expect(() => renderTraceWaterfall(batchTrace(1), { maxSameName: 0 })).toThrow(
        /maxSameName must be an integer of at least 1; got 0/,
      );
    });
  });

  describe('showLinkCount', () => {
    const linked = span('batch', 1, undefined, 0, 10, {
      links: [
        { traceId: 'b'.repeat(32), spanId: 'c'.repeat(16), attributes: {} },
        { traceId: 'd'.repeat(32), spanId: 'e'.repeat(16), attributes: {} },
      ],
    });

    it('should not show links by default', () => {
      expect(renderTraceWaterfall([linked])[1]).toMatch(/│ +10\.0ms$/);
    });

    it('should append the link count of spans that have links', () => {
      const lines = renderTraceWaterfall([linked, span('child', 2, 1, 0, 5)], {
        showLinkCount: true,
      });
      expect(lines[1]).toMatch(/│ +10\.0ms {2}2 links$/);
      expect(lines[2]).toMatch(/│ +5\.00ms$/);
    });
  });

  describe('maxSpans', () => {
    it('should count the spans left out in a last line', () => {
      const lines = renderTraceWaterfall(batchTrace(5), { maxSpans: 3 });
      expect(lines).toHaveLength(1 + 3 + 1);
      expect(lines.at(-1)).toBe('  … 10 more span(s)');
    });
  });
});
