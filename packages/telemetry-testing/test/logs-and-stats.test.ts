// Log records over the three protocols (no logs exporter in the pinned set: requests are encoded
// with the generated OTLP classes), and the per-protocol counters.
import { gzipSync } from 'node:zlib';
import { type OtlpReceiver, startOtlpReceiver } from '../src/index.js';
import { SIGNALS } from '../src/proto.js';
import { grpcClient, grpcExport } from './helpers/grpc-call.js';
import { hexToBytes } from './helpers/otlp.js';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const SPAN_ID = 'b7ad6b7169203331';

/** A logs request in OTLP/JSON form (hex ids); `ids` turns ids into bytes for protobuf. */
function logsRequest(body: string, ids: (hex: string) => unknown = (hex) => hex) {
  return {
    resourceLogs: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'logger' } }] },
        scopeLogs: [
          {
            scope: { name: 'log-scope', version: '0.0.1' },
            logRecords: [
              {
                timeUnixNano: '1700000000000000123',
                observedTimeUnixNano: '1700000000000000456',
                severityNumber: 17,
                severityText: 'ERROR',
                body: { stringValue: body },
                attributes: [
                  { key: 'retry', value: { intValue: '3' } },
                  {
                    key: 'tags',
                    value: { arrayValue: { values: [{ stringValue: 'a' }, { stringValue: 'b' }] } },
                  },
                ],
                flags: 1,
                traceId: ids(TRACE_ID),
                spanId: ids(SPAN_ID),
                eventName: 'job.failed',
              },
            ],
          },
        ],
      },
    ],
  };
}

function expectedRecord(body: string, protocol: string) {
  return {
    timeUnixNano: 1700000000000000123n,
    observedTimeUnixNano: 1700000000000000456n,
    severityNumber: 17,
    severityText: 'ERROR',
    body,
    attributes: { retry: 3, tags: ['a', 'b'] },
    traceId: TRACE_ID,
    spanId: SPAN_ID,
    flags: 1,
    eventName: 'job.failed',
    resource: { 'service.name': 'logger' },
    scope: { name: 'log-scope', version: '0.0.1', attributes: {} },
    protocol,
  };
}

describe('logs and counters', () => {
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });

  afterAll(async () => {
    await receiver.stop();
  });

  it('receives log records over OTLP/HTTP protobuf, JSON and gRPC', async () => {
    const logs = SIGNALS.logs;
    const protobuf = logs.request.encode(logs.request.fromObject(logsRequest('proto', hexToBytes)));
    const protoRes = await fetch(`${receiver.httpUrl}/v1/logs`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip' },
      body: gzipSync(protobuf.finish()),
    });
    expect(protoRes.status).toBe(200);

    const jsonRes = await fetch(`${receiver.httpUrl}/v1/logs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(logsRequest('json')),
    });
    expect(jsonRes.status).toBe(200);
    expect(await jsonRes.json()).toEqual({});

    const client = grpcClient(receiver);
    const grpcRequest = logs.request.fromObject(logsRequest('grpc', hexToBytes));
    const { error } = await grpcExport(
      client,
      logs.grpcPath,
      logs.request.encode(grpcRequest).finish(),
    );
    client.close();
    expect(error).toBeNull();

    expect(receiver.logs()).toEqual([
      expectedRecord('proto', 'http/protobuf'),
      expectedRecord('json', 'http/json'),
      expectedRecord('grpc', 'grpc'),
    ]);
    receiver.clear();
    expect(receiver.logs()).toEqual([]);
  });

  it('counts requests, bytes and decode failures per protocol', async () => {
    const fresh = await startOtlpReceiver();
    try {
      const body = JSON.stringify({ resourceSpans: [] });
      for (let i = 0; i < 2; i++) {
        await fetch(`${fresh.httpUrl}/v1/traces`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
      }
      await fetch(`${fresh.httpUrl}/v1/metrics`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-protobuf' },
        body: new Uint8Array([0xff, 0xff, 0xff]),
      });
      await fetch(`${fresh.httpUrl}/v1/nowhere`, { method: 'POST', body: 'x' });
      expect(fresh.stats()).toEqual({
        grpc: { requests: 0, bytes: 0, decodeFailures: 0 },
        'http/protobuf': { requests: 1, bytes: 3, decodeFailures: 1 },
        'http/json': { requests: 2, bytes: 2 * body.length, decodeFailures: 0 },
        httpRejected: 1,
      });
    } finally {
      await fresh.stop();
    }
  });
});
