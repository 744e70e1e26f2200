// Bad input over OTLP/HTTP and OTLP/gRPC: the receiver answers the error the spec asks for and
// keeps serving (every case sends a good request afterwards).
import { gzipSync } from 'node:zlib';
import * as grpc from '@grpc/grpc-js';
import fc from 'fast-check';
import { type OtlpReceiver, startOtlpReceiver } from '../src/index.js';
import { SIGNALS } from '../src/proto.js';
import { grpcClient, grpcExport } from './helpers/grpc-call.js';
import { pathsOf, replaceAt, requestArbitraries } from './helpers/otlp-json-arbitraries.js';
import { referenceJsonRecords } from './helpers/reference-otlp-json.js';

const MAX = 64 * 1024;
const TRACE_ID = '5b8efff798038103d269b633813fc60c';
const SPAN_ID = 'eee19b7ec3c1b174';

/** An OTLP/JSON trace request with one span, as the OTLP/JSON rules write it. */
function jsonTraces(name: string, overrides: Record<string, unknown> = {}) {
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'json-svc' } }] },
        scopeSpans: [
          {
            scope: { name: 'json-scope', version: '1.0.0' },
            spans: [
              {
                traceId: TRACE_ID,
                spanId: SPAN_ID,
                parentSpanId: '',
                name,
                kind: 2,
                startTimeUnixNano: '1544712660000000000',
                endTimeUnixNano: 1544712661000000000,
                attributes: [
                  { key: 'int.as.string', value: { intValue: '9007199254740993' } },
                  { key: 'int.as.number', value: { intValue: 42 } },
                  { key: 'bytes', value: { bytesValue: 'AQID' } },
                  {
                    key: 'kv',
                    value: {
                      kvlistValue: { values: [{ key: 'inner', value: { boolValue: true } }] },
                    },
                  },
                ],
                status: { code: 'STATUS_CODE_ERROR', message: 'bad' },
                ...overrides,
              },
            ],
          },
        ],
      },
    ],
  };
}

/** The same request as binary protobuf, encoded with the generated OTLP classes. */
function protobufTraces(name: string): Uint8Array {
  const request = SIGNALS.traces.request;
  return request
    .encode(
      request.fromObject({
        resourceSpans: [
          {
            scopeSpans: [
              {
                spans: [
                  {
                    traceId: Buffer.from(TRACE_ID, 'hex'),
                    spanId: Buffer.from(SPAN_ID, 'hex'),
                    name,
                    kind: 1,
                    startTimeUnixNano: '1544712660000000000',
                    endTimeUnixNano: '1544712661000000000',
                  },
                ],
              },
            ],
          },
        ],
      }),
    )
    .finish();
}

/** Reads a google.rpc.Status (code = 1, message = 2) from protobuf bytes. */
function decodeRpcStatus(bytes: Uint8Array): { code: number; message: string } {
  let offset = 0;
  const varint = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[offset++]!;
      result |= (byte & 0x7f) << shift;
      if (byte < 0x80) return result;
      shift += 7;
    }
  };
  const status = { code: 0, message: '' };
  while (offset < bytes.length) {
    const tag = varint();
    if (tag === 8) status.code = varint();
    else if (tag === 18) {
      const length = varint();
      status.message = Buffer.from(bytes.subarray(offset, offset + length)).toString('utf8');
      offset += length;
    } else throw new Error(`unexpected tag ${tag}`);
  }
  return status;
}

async function post(
  receiver: OtlpReceiver,
  path: string,
  body: Uint8Array | string,
  headers: Record<string, string>,
  method = 'POST',
) {
  const response = await fetch(`${receiver.httpUrl}${path}`, {
    method,
    headers,
    // A copy on its own ArrayBuffer: the fetch types take no SharedArrayBuffer-backed view.
    body: method === 'GET' ? undefined : typeof body === 'string' ? body : new Uint8Array(body),
    signal: AbortSignal.timeout(5000),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: new Uint8Array(await response.arrayBuffer()),
  };
}

const PROTO = { 'content-type': 'application/x-protobuf' };
const JSON_TYPE = { 'content-type': 'application/json' };

describe('bad input', () => {
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    receiver = await startOtlpReceiver({ maxBodyBytes: MAX });
  });

  afterAll(async () => {
    await receiver.stop();
  });

  beforeEach(() => receiver.clear());

  /** A good request after the bad one: the receiver is still serving. */
  async function expectStillServing(name: string) {
    const good = await post(receiver, '/v1/traces', protobufTraces(name), PROTO);
    expect(good.status).toBe(200);
    expect(good.contentType).toBe('application/x-protobuf');
    expect(receiver.spans({ name })).toHaveLength(1);
  }

  it('answers 400 with a google.rpc.Status on a truncated protobuf body', async () => {
    const bytes = protobufTraces('truncated');
    const failuresBefore = receiver.stats()['http/protobuf'].decodeFailures;
    const res = await post(receiver, '/v1/traces', bytes.subarray(0, bytes.length - 5), PROTO);
    expect(res.status).toBe(400);
    expect(res.contentType).toBe('application/x-protobuf');
    const status = decodeRpcStatus(res.body);
    expect(status.code).toBe(3);
    expect(status.message).toMatch(/cannot decode protobuf traces request/);
    expect(receiver.stats()['http/protobuf'].decodeFailures).toBe(failuresBefore + 1);
    expect(receiver.spans()).toHaveLength(0);
    await expectStillServing('after truncated');
  });

  it('answers 415 on another content type', async () => {
    const res = await post(receiver, '/v1/traces', 'hello', { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect(Buffer.from(res.body).toString()).toMatch(/unsupported content type "text\/plain"/);
    await expectStillServing('after 415');
  });

  it('answers 413 over maxBodyBytes, compressed or once inflated', async () => {
    const big = new Uint8Array(MAX + 1);
    const res = await post(receiver, '/v1/traces', big, PROTO);
    expect(res.status).toBe(413);
    // A small gzip body that inflates past the limit.
    const bomb = gzipSync(Buffer.alloc(MAX * 4));
    expect(bomb.length).toBeLessThan(MAX);
    const inflated = await post(receiver, '/v1/traces', bomb, {
      ...PROTO,
      'content-encoding': 'gzip',
    });
    expect(inflated.status).toBe(413);
    // Chunked (no content-length) bodies are limited too.
    const chunked = await fetch(`${receiver.httpUrl}/v1/traces`, {
      method: 'POST',
      headers: PROTO,
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    await expectStillServing('after 413');
  });

  it('answers 400 on garbage gzip', async () => {
    const res = await post(receiver, '/v1/traces', Buffer.from('definitely not gzip'), {
      ...PROTO,
      'content-encoding': 'gzip',
    });
    expect(res.status).toBe(400);
    expect(decodeRpcStatus(res.body).message).toMatch(/invalid gzip body/);
    await expectStillServing('after garbage gzip');
  });

  it('accepts a gzip-compressed body', async () => {
    const res = await post(receiver, '/v1/traces', gzipSync(protobufTraces('zipped')), {
      ...PROTO,
      'content-encoding': 'gzip',
    });
    expect(res.status).toBe(200);
    expect(receiver.spans({ name: 'zipped' })).toHaveLength(1);
  });

  it('answers 400 with a JSON Status on invalid JSON and on a wrong shape', async () => {
    const res = await post(receiver, '/v1/traces', '{"resourceSpans": [', JSON_TYPE);
    expect(res.status).toBe(400);
    expect(res.contentType).toBe('application/json');
    const status = JSON.parse(Buffer.from(res.body).toString());
    expect(status).toEqual({ code: 3, message: expect.stringMatching(/OTLP\/JSON/) });
    const shape = await post(receiver, '/v1/traces', '{"resourceSpans": 5}', JSON_TYPE);
    expect(shape.status).toBe(400);
    const notHex = await post(
      receiver,
      '/v1/traces',
      JSON.stringify(jsonTraces('base64 id', { traceId: 'W47/95gDgQPSabYzgT/GDA==' })),
      JSON_TYPE,
    );
    expect(notHex.status).toBe(400);
    expect(JSON.parse(Buffer.from(notHex.body).toString()).message).toMatch(/not a hex string/);
    expect(receiver.stats()['http/json'].decodeFailures).toBeGreaterThanOrEqual(3);
    await expectStillServing('after bad JSON');
  });

  it('answers 404 on unknown paths and 405 on other methods', async () => {
    expect((await post(receiver, '/v1/unknown', '', PROTO)).status).toBe(404);
    expect((await post(receiver, '/', '', PROTO)).status).toBe(404);
    const get = await fetch(`${receiver.httpUrl}/v1/traces`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    await expectStillServing('after 404');
  });

  it('decodes OTLP/JSON as the OTLP/JSON rules write it', async () => {
    const res = await post(receiver, '/v1/traces', JSON.stringify(jsonTraces('json span')), {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(Buffer.from(res.body).toString())).toEqual({});
    const [span] = receiver.spans();
    expect(span).toEqual({
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      flags: 0,
      name: 'json span',
      kind: 1, // OTLP SERVER (2) is API SpanKind.SERVER (1)
      status: { code: 2, message: 'bad' },
      attributes: {
        'int.as.string': 9007199254740993n,
        'int.as.number': 42,
        bytes: new Uint8Array([1, 2, 3]),
        kv: { inner: true },
      },
      events: [],
      links: [],
      resource: { 'service.name': 'json-svc' },
      scope: { name: 'json-scope', version: '1.0.0', attributes: {} },
      startTimeUnixNano: 1544712660000000000n,
      endTimeUnixNano: 1544712661000000000n,
      protocol: 'http/json',
    });
  });

  it('answers partial_success for spans with invalid ids', async () => {
    const res = await post(
      receiver,
      '/v1/traces',
      JSON.stringify(jsonTraces('no trace id', { traceId: '' })),
      JSON_TYPE,
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(Buffer.from(res.body).toString())).toEqual({
      partialSuccess: {
        rejectedSpans: '1',
        errorMessage: expect.stringMatching(/invalid trace id/),
      },
    });
    expect(receiver.spans()).toHaveLength(0);
  });

  it('answers INTERNAL on an undecodable gRPC message and keeps serving', async () => {
    const client = grpcClient(receiver);
    const call = (bytes: Uint8Array) => grpcExport(client, SIGNALS.traces.grpcPath, bytes);
    const failuresBefore = receiver.stats().grpc.decodeFailures;
    const bytes = protobufTraces('grpc');
    const bad = await call(bytes.subarray(0, bytes.length - 5));
    expect(bad.error?.code).toBe(grpc.status.INTERNAL);
    expect(receiver.stats().grpc.decodeFailures).toBe(failuresBefore + 1);
    const good = await call(bytes);
    expect(good.error).toBeNull();
    expect(receiver.spans({ name: 'grpc' })).toEqual([
      expect.objectContaining({ protocol: 'grpc', kind: 0 }),
    ]);
    // Over the limit: RESOURCE_EXHAUSTED.
    const tooBig = await call(new Uint8Array(MAX + 10));
    expect(tooBig.error?.code).toBe(grpc.status.RESOURCE_EXHAUSTED);
    client.close();
  });

  it('answers every broken OTLP/JSON request 200 or 400 as the old decoder did, and keeps serving', async () => {
    const arbitraries = requestArbitraries({ faults: true });
    for (const kind of ['traces', 'metrics', 'logs'] as const) {
      const broken = arbitraries[kind].chain((json) =>
        fc
          .tuple(fc.constantFrom(...pathsOf(json)), fc.jsonValue({ maxDepth: 2 }))
          .map(([path, value]) => replaceAt(json, path, value)),
      );
      // A fixed seed: the same 40 bodies per signal on every run.
      for (const json of fc.sample(broken, { numRuns: 40, seed: 16 })) {
        const body = JSON.stringify(json) ?? 'null';
        let oldStatus = 200;
        try {
          referenceJsonRecords(kind, Buffer.from(body));
        } catch {
          oldStatus = 400;
        }
        const res = await post(receiver, SIGNALS[kind].httpPath, body, JSON_TYPE);
        expect({ body, status: res.status }).toEqual({ body, status: oldStatus });
        expect(res.contentType).toBe('application/json');
      }
    }
    await expectStillServing('after broken OTLP/JSON');
  });
});
