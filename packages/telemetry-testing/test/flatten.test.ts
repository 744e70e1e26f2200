// The flattening of decoded protobuf messages against the path it replaced (protobufjs toObject,
// then the old flattening of its output): the same records for every request.

import fc from 'fast-check';
import protobuf from 'protobufjs/light.js';
import type { DecodedExport } from '../src/internal/decoded-export.js';
import { flattenRequest } from '../src/internal/ingest.js';
import { decodeProtobufMessage, SIGNALS, type Signal } from '../src/proto.js';
import type { ReceiverProtocol } from '../src/types.js';
import { requestArbitraries } from './helpers/otlp-json-arbitraries.js';
import {
  referenceJsonToProtobuf,
  referenceProtobufRecords,
} from './helpers/reference-otlp-json.js';

function flatten(
  kind: Signal['kind'],
  body: Uint8Array,
  protocol: ReceiverProtocol,
): DecodedExport {
  return flattenRequest(SIGNALS[kind], decodeProtobufMessage(SIGNALS[kind], body), protocol);
}

function expectSameRecords(kind: Signal['kind'], body: Uint8Array) {
  for (const protocol of ['grpc', 'http/protobuf'] as const) {
    expect(flatten(kind, body, protocol)).toStrictEqual(
      referenceProtobufRecords(kind, body, protocol),
    );
  }
}

/** A length-delimited field: the protobuf wire form of a message or bytes field. */
const field = (id: number, bytes: Uint8Array) =>
  protobuf.Writer.create()
    .uint32((id << 3) | 2)
    .bytes(bytes)
    .finish();
const concat = (...parts: Uint8Array[]) => Uint8Array.from(Buffer.concat(parts));
const TRACE_ID = Buffer.from('5b8efff798038103d269b633813fc60c', 'hex');
const SPAN_ID = Buffer.from('eee19b7ec3c1b174', 'hex');

const valid = requestArbitraries({ faults: false });

describe('flattenTraces, flattenMetrics and flattenLogs', () => {
  it.each(['traces', 'metrics', 'logs'] as const)(
    'should flatten every generated %s request as toObject and the old flattening did',
    (kind) => {
      fc.assert(
        fc.property(valid[kind], (json) => {
          expectSameRecords(kind, referenceJsonToProtobuf(kind, JSON.stringify(json)));
        }),
        { numRuns: 400 },
      );
    },
  );

  it('should pick the oneof member with the highest field number, whatever the wire order', () => {
    const intThenString = concat(
      protobuf.Writer.create()
        .uint32(3 << 3)
        .int64(5)
        .finish(), // intValue = 5
      field(1, Buffer.from('text')), // stringValue = "text"
    );
    const stringThenBytes = concat(field(7, Buffer.from([1, 2])), field(1, Buffer.from('s')));
    const keyValue = (key: string, value: Uint8Array) =>
      field(9, concat(field(1, Buffer.from(key)), field(2, value)));
    const span = concat(
      field(1, TRACE_ID),
      field(2, SPAN_ID),
      keyValue('int-then-string', intThenString),
      keyValue('bytes-then-string', stringThenBytes),
    );
    const traces = field(1, field(2, field(2, span)));
    expectSameRecords('traces', traces);
    expect(flatten('traces', traces, 'grpc')).toMatchObject({
      spans: [
        { attributes: { 'int-then-string': 5, 'bytes-then-string': new Uint8Array([1, 2]) } },
      ],
    });

    // A Metric with sum (7) before gauge (5), and a point with asInt (6) before asDouble (4).
    const point = concat(
      protobuf.Writer.create()
        .uint32((6 << 3) | 1)
        .sfixed64(7)
        .finish(),
      protobuf.Writer.create()
        .uint32((4 << 3) | 1)
        .double(1.5)
        .finish(),
    );
    const metric = concat(
      field(1, Buffer.from('m')),
      field(7, field(1, point)),
      field(5, field(1, point)),
    );
    const metrics = field(1, field(2, field(2, metric)));
    expectSameRecords('metrics', metrics);
    expect(flatten('metrics', metrics, 'grpc')).toMatchObject({
      points: [{ type: 'sum', value: 7, valueType: 'int' }],
    });
  });
});
