import { promisify } from 'node:util';
import { constants, gunzip, gzip, gzipSync } from 'node:zlib';
import type { EncodedRequest } from '../types.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** How a request body travels: as encoded, or gzipped (`Content-Encoding: gzip`). */
export type ContentEncoding = 'gzip' | 'identity';

/**
 * `request` gzipped at level 1, the form an encoded batch waits in behind the export in flight:
 * OTLP spans shrink about 4.8× as protobuf and 13× as JSON (their keys, resource and scope
 * repeat in every span) for about 0.3 ms per 512 protobuf spans, a sixth of what encoding them
 * cost, so the same `maxQueueBytes` holds several times the items. Synchronous on purpose: a
 * burst that never yields must be measured compressed against the budget as it is queued.
 */
export function compressRequest(request: EncodedRequest): EncodedRequest {
  if (request.contentEncoding === 'gzip') return request;
  const gzipped = gzipSync(request.body, { level: constants.Z_BEST_SPEED });
  // zlib may return a view of a larger output chunk: hold exactly the bytes the budget counts.
  const body = gzipped.byteLength === gzipped.buffer.byteLength ? gzipped : new Uint8Array(gzipped);
  return {
    body,
    items: request.items,
    contentEncoding: 'gzip',
    encodedLength: request.body.byteLength,
  };
}

/**
 * Room above the expected output in a one-chunk zlib call: gzip's header, trailer and stored
 * blocks when it cannot shrink the data, and the end of the stream when unzipping.
 */
const CHUNK_SLACK_BYTES = 1024;

/**
 * The body of `request` in the encoding the wire takes: a held request is gzipped, and is sent
 * as it is only where the configured exporter sends gzip itself (OTLP/HTTP with `compression:
 * gzip`); otherwise it is unzipped first (gRPC compresses its messages itself, when configured).
 * Runs zlib on the thread pool, not the app's thread, with an output chunk the size of the
 * whole result: zlib hands each chunk back through the app's event loop, so with its default
 * 16 KiB chunks a batch of 512 spans took five or six turns of a busy app's loop before it could
 * be sent (16 ms against 6 ms for one chunk in a loop that yields every 2.5 ms), and an export
 * path behind its producer fell further behind (docs/benchmarks.md, fourth pass).
 */
export async function bodyIn(request: EncodedRequest, wire: ContentEncoding): Promise<Uint8Array> {
  const held: ContentEncoding = request.contentEncoding ?? 'identity';
  if (held === wire) return request.body;
  if (wire === 'gzip') {
    return gzipAsync(request.body, { chunkSize: request.body.byteLength + CHUNK_SLACK_BYTES });
  }
  // A held request from elsewhere may not say its length: zlib's default chunks then.
  return gunzipAsync(
    request.body,
    request.encodedLength === undefined
      ? {}
      : { chunkSize: request.encodedLength + CHUNK_SLACK_BYTES },
  );
}
