// Metric shapes the JS SDK does not produce (exemplars, summaries, negative exponential buckets,
// int gauges), sent as OTLP/JSON and as protobuf, and what metric()/metricPoints() return.
import { type OtlpReceiver, startOtlpReceiver } from '../src/index.js';
import { SIGNALS } from '../src/proto.js';
import { hexToBytes } from './helpers/otlp.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';

function metricsRequest(gaugeValue: number, ids: (hex: string) => unknown = (hex) => hex) {
  const exemplar = {
    timeUnixNano: '1700000000000000500',
    asDouble: 0.25,
    traceId: ids(TRACE_ID),
    spanId: ids(SPAN_ID),
    filteredAttributes: [{ key: 'user', value: { stringValue: 'u1' } }],
  };
  return {
    resourceMetrics: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'json-metrics' } }] },
        scopeMetrics: [
          {
            scope: { name: 'scope', version: '9' },
            metrics: [
              {
                name: 'connections',
                description: 'open connections',
                unit: '{connection}',
                gauge: {
                  dataPoints: [
                    {
                      asInt: String(gaugeValue),
                      startTimeUnixNano: '1700000000000000000',
                      timeUnixNano: '1700000000000000999',
                      attributes: [{ key: 'pool', value: { stringValue: 'main' } }],
                    },
                  ],
                },
              },
              {
                name: 'latency',
                unit: 's',
                histogram: {
                  aggregationTemporality: 'AGGREGATION_TEMPORALITY_DELTA',
                  dataPoints: [
                    {
                      count: '3',
                      sum: 0.75,
                      min: 0.1,
                      max: 0.4,
                      bucketCounts: ['1', '2'],
                      explicitBounds: [0.2],
                      exemplars: [exemplar],
                      timeUnixNano: '1700000000000000999',
                    },
                  ],
                },
              },
              {
                name: 'skew',
                exponentialHistogram: {
                  aggregationTemporality: 2,
                  dataPoints: [
                    {
                      count: 6,
                      sum: -3,
                      scale: 1,
                      zeroCount: '1',
                      positive: { offset: 2, bucketCounts: ['1', '1'] },
                      negative: { offset: -1, bucketCounts: ['3'] },
                      timeUnixNano: '1700000000000000999',
                    },
                  ],
                },
              },
              {
                name: 'rpc.duration',
                summary: {
                  dataPoints: [
                    {
                      count: '10',
                      sum: 5,
                      quantileValues: [
                        { quantile: 0.5, value: 0.4 },
                        { quantile: 0.99, value: 1.2 },
                      ],
                      timeUnixNano: '1700000000000000999',
                    },
                  ],
                },
              },
            ],
          },
        ],
      },
    ],
  };
}

describe('metric shapes over OTLP/JSON and protobuf', () => {
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });

  afterAll(async () => {
    await receiver.stop();
  });

  it('flattens gauges, exemplars, exponential histograms and summaries', async () => {
    const json = await fetch(`${receiver.httpUrl}/v1/metrics`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(metricsRequest(7)),
    });
    expect(json.status).toBe(200);
    const request = SIGNALS.metrics.request;
    const bytes = request.encode(request.fromObject(metricsRequest(9, hexToBytes))).finish();
    const proto = await fetch(`${receiver.httpUrl}/v1/metrics`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: new Uint8Array(bytes),
    });
    expect(proto.status).toBe(200);

    // metric(): the latest export; metricPoints(): every point, in arrival order.
    expect(receiver.metric('connections')).toEqual([
      {
        name: 'connections',
        description: 'open connections',
        unit: '{connection}',
        type: 'gauge',
        attributes: { pool: 'main' },
        value: 9,
        valueType: 'int',
        exemplars: [],
        startTimeUnixNano: 1700000000000000000n,
        timeUnixNano: 1700000000000000999n,
        resource: { 'service.name': 'json-metrics' },
        scope: { name: 'scope', version: '9', attributes: {} },
        protocol: 'http/protobuf',
      },
    ]);
    expect(receiver.metricPoints({ name: 'connections' }).map((p) => p.value)).toEqual([7, 9]);
    expect(receiver.metricPoints()).toHaveLength(8);

    for (const protocol of ['http/json', 'http/protobuf']) {
      const points = receiver.metricPoints().filter((p) => p.protocol === protocol);
      const latency = points.find((p) => p.name === 'latency')!;
      expect(latency).toMatchObject({
        type: 'histogram',
        temporality: 'delta',
        histogram: {
          count: 3,
          sum: 0.75,
          min: 0.1,
          max: 0.4,
          bucketCounts: [1, 2],
          explicitBounds: [0.2],
        },
        exemplars: [
          {
            traceId: TRACE_ID,
            spanId: SPAN_ID,
            value: 0.25,
            valueType: 'double',
            attributes: { user: 'u1' },
            timeUnixNano: 1700000000000000500n,
          },
        ],
      });
      expect(points.find((p) => p.name === 'skew')).toMatchObject({
        type: 'exponentialHistogram',
        temporality: 'cumulative',
        histogram: {
          count: 6,
          sum: -3,
          scale: 1,
          zeroCount: 1,
          positive: { offset: 2, bucketCounts: [1, 1] },
          negative: { offset: -1, bucketCounts: [3] },
          bucketCounts: [1, 1],
          explicitBounds: [],
        },
      });
      const summary = points.find((p) => p.name === 'rpc.duration')!;
      expect(summary.type).toBe('summary');
      expect(summary.temporality).toBeUndefined();
      expect(summary.histogram).toMatchObject({
        count: 10,
        sum: 5,
        quantiles: [
          { quantile: 0.5, value: 0.4 },
          { quantile: 0.99, value: 1.2 },
        ],
      });
    }

    await expect(
      receiver.waitForMetric('connections', { predicate: (p) => p[0]?.value === 9 }),
    ).resolves.toHaveLength(1);
    await expect(
      receiver.waitForMetric('connections', {
        predicate: (p) => p[0]?.value === 100,
        timeoutMs: 50,
      }),
    ).rejects.toThrow(/did not satisfy the predicate/);
  });
});
