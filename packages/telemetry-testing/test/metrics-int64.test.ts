// Int64 metric values beyond 2^53 and int-versus-double points, sent as raw OTLP on each
// protocol (the JS SDK cannot record a bigint): values stay exact and an int stays an int.
import { type OtlpReceiver, type ReceiverProtocol, startOtlpReceiver } from '../src/index.js';
import { SIGNALS } from '../src/proto.js';
import { grpcClient, grpcExport } from './helpers/grpc-call.js';
import { hexToBytes } from './helpers/otlp.js';

const BIG = 2n ** 60n + 1n; // 1152921504606846977: Number(BIG) would be ...976
const MIN_INT64 = -(2n ** 63n);
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';

/** A metrics request in OTLP/JSON form; `ids` turns hex ids into what the encoding wants. */
function int64Request(ids: (hex: string) => unknown) {
  const point = (value: Record<string, unknown>, kind: string) => ({
    ...value,
    timeUnixNano: '1700000000000000999',
    attributes: [{ key: 'kind', value: { stringValue: kind } }],
  });
  return {
    resourceMetrics: [
      {
        scopeMetrics: [
          {
            scope: { name: 'int64' },
            metrics: [
              {
                name: 'bytes.total',
                sum: {
                  aggregationTemporality: 2,
                  isMonotonic: true,
                  dataPoints: [
                    {
                      ...point({ asInt: BIG.toString() }, 'big'),
                      exemplars: [
                        {
                          asInt: BIG.toString(),
                          timeUnixNano: '1700000000000000500',
                          traceId: ids(TRACE_ID),
                          spanId: ids(SPAN_ID),
                        },
                        { asDouble: 5, timeUnixNano: '1700000000000000600' },
                      ],
                    },
                    point({ asInt: MIN_INT64.toString() }, 'min'),
                  ],
                },
              },
              {
                name: 'level',
                gauge: {
                  dataPoints: [
                    point({ asInt: '5' }, 'int'),
                    point({ asDouble: 5 }, 'double'),
                    point({ asInt: (-BIG).toString() }, 'negative'),
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

async function send(receiver: OtlpReceiver, protocol: ReceiverProtocol): Promise<void> {
  const request = SIGNALS.metrics.request;
  if (protocol === 'http/json') {
    const response = await fetch(`${receiver.httpUrl}/v1/metrics`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(int64Request((hex) => hex)),
    });
    expect(response.status).toBe(200);
    return;
  }
  const bytes = request.encode(request.fromObject(int64Request(hexToBytes))).finish();
  if (protocol === 'http/protobuf') {
    const response = await fetch(`${receiver.httpUrl}/v1/metrics`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: new Uint8Array(bytes),
    });
    expect(response.status).toBe(200);
    return;
  }
  const client = grpcClient(receiver);
  try {
    const { error } = await grpcExport(client, SIGNALS.metrics.grpcPath, bytes);
    expect(error).toBeNull();
  } finally {
    client.close();
  }
}

describe.each<ReceiverProtocol>(['http/protobuf', 'http/json', 'grpc'])(
  'int64 metric values over %s',
  (protocol) => {
    let receiver: OtlpReceiver;

    beforeAll(async () => {
      receiver = await startOtlpReceiver();
    });

    afterAll(async () => {
      await receiver.stop();
    });

    const pointOf = (name: string, kind: string) => {
      const point = receiver.metric(name).find((p) => p.attributes.kind === kind);
      if (point === undefined) throw new Error(`no ${name} point of kind ${kind}`);
      return point;
    };

    it('should keep an int64 above 2^53 exact, as a bigint (regression: it became an imprecise number)', async () => {
      await send(receiver, protocol);
      expect(receiver.metricPoints()).toHaveLength(5);
      expect(pointOf('bytes.total', 'big')).toMatchObject({ value: BIG, valueType: 'int' });
      expect(pointOf('bytes.total', 'min')).toMatchObject({ value: MIN_INT64, valueType: 'int' });
      expect(pointOf('level', 'negative')).toMatchObject({ value: -BIG, valueType: 'int' });
      expect(pointOf('bytes.total', 'big').exemplars).toMatchObject([
        { value: BIG, valueType: 'int', traceId: TRACE_ID, spanId: SPAN_ID },
        { value: 5, valueType: 'double' },
      ]);
    });

    it('should tell an int 5 from a double 5.0', async () => {
      await send(receiver, protocol);
      const int = pointOf('level', 'int');
      const double = pointOf('level', 'double');
      expect([int.value, int.valueType]).toEqual([5, 'int']);
      expect([double.value, double.valueType]).toEqual([5, 'double']);
    });
  },
);
