// The metric table's sources (a receiver or a map of points) and its name filter.
import {
  type OtlpReceiver,
  type ReceivedMetricPoint,
  renderMetricTable,
  startOtlpReceiver,
} from '../../src/index.js';

function point(name: string, value: number | bigint, attributes = {}): ReceivedMetricPoint {
  return {
    name,
    description: '',
    unit: '{event}',
    type: 'sum',
    temporality: 'cumulative',
    isMonotonic: true,
    attributes,
    value,
    valueType: 'int',
    exemplars: [],
    startTimeUnixNano: 0n,
    timeUnixNano: 0n,
    resource: {},
    scope: { name: 'm', attributes: {} },
    protocol: 'grpc',
  };
}

/** One OTLP/JSON export of cumulative sums, `{ name: value }`. */
function sumsRequest(values: Record<string, number>) {
  return {
    resourceMetrics: [
      {
        scopeMetrics: [
          {
            scope: { name: 'test' },
            metrics: Object.entries(values).map(([name, value]) => ({
              name,
              unit: '{event}',
              sum: {
                aggregationTemporality: 'AGGREGATION_TEMPORALITY_CUMULATIVE',
                isMonotonic: true,
                dataPoints: [
                  { asInt: String(value), timeUnixNano: '1700000000000000000', attributes: [] },
                ],
              },
            })),
          },
        ],
      },
    ],
  };
}

describe('renderMetricTable', () => {
  const metrics = new Map([
    [
      'processor.events',
      [point('processor.events', 3, { type: 'a' }), point('processor.events', 4)],
    ],
    ['http.requests', [point('http.requests', 9)]],
    ['processor.batches', [point('processor.batches', 2)]],
  ]);

  it('should show every metric by default, sorted by name', () => {
    const lines = renderMetricTable(metrics);
    expect(lines.slice(2).map((l) => l.trim().split(/\s+/)[0])).toEqual([
      'http.requests',
      'processor.batches',
      'processor.events',
      'processor.events',
    ]);
  });

  it('should show an int64 beyond the safe range exactly', () => {
    const big = 2n ** 60n + 1n;
    const lines = renderMetricTable(new Map([['bytes.total', [point('bytes.total', big)]]]));
    expect(lines[2]?.trim().split(/\s+/).at(-1)).toBe('1152921504606846977');
  });

  describe('namePrefix', () => {
    it('should keep only the metrics whose name starts with it', () => {
      const lines = renderMetricTable(metrics, { namePrefix: 'processor.' });
      expect(lines).toHaveLength(2 + 3);
      expect(lines.join('\n')).not.toContain('http.requests');
      expect(lines[4]).toMatch(/^ {2}processor\.events +sum\/cumulative +\{event\} +- +4$/);
    });

    it('should say so when no metric matches', () => {
      expect(renderMetricTable(metrics, { namePrefix: 'db.' })).toEqual(['  (no metrics yet)']);
    });
  });

  describe('maxRows', () => {
    it('should count the rows left out in a last line', () => {
      const lines = renderMetricTable(metrics, { maxRows: 1 });
      expect(lines).toHaveLength(2 + 1 + 1);
      expect(lines.at(-1)).toBe('  … 3 more row(s)');
    });

    it('should throw on a limit below 1', () => {
      expect(() => renderMetricTable(metrics, { maxRows: 0 })).toThrow(
        /maxRows must be an integer of at least 1; got 0/,
      );
    });
  });

  describe('with a receiver', () => {
    let receiver: OtlpReceiver;
    beforeAll(async () => {
      receiver = await startOtlpReceiver();
    });
    afterAll(() => receiver.stop());

    it('should show the points of the latest export of each metric', async () => {
      const exports: Record<string, number>[] = [
        { 'processor.events': 1, 'http.requests': 5 },
        { 'processor.events': 7 },
      ];
      for (const values of exports) {
        const res = await fetch(`${receiver.httpUrl}/v1/metrics`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(sumsRequest(values)),
        });
        expect(res.status).toBe(200);
      }
      const lines = renderMetricTable(receiver, { namePrefix: 'processor.' });
      expect(lines).toHaveLength(3);
      expect(lines[2]).toMatch(/^ {2}processor\.events +sum\/cumulative +\{event\} +- +7$/);
      expect(renderMetricTable(receiver)).toHaveLength(4);
    });
  });
});

describe('renderMetricTable with a width', () => {
  it('should narrow the attributes column so that each value fits', () => {
    const point = {
      name: 'queue.depth',
      description: '',
      unit: '1',
      type: 'gauge' as const,
      attributes: { 'queue.name': 'a-rather-long-queue-name-that-takes-room' },
      value: 123456,
      valueType: 'int' as const,
      exemplars: [],
      startTimeUnixNano: 0n,
      timeUnixNano: 0n,
      resource: {},
      scope: { name: 's', attributes: {} },
      protocol: 'grpc' as const,
    };
    const lines = renderMetricTable(new Map([['queue.depth', [point]]]), { width: 50 });
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(50);
    expect(lines[2]).toBe('  queue.depth  gauge  1     queue.name=a-…  123456');
  });
});
