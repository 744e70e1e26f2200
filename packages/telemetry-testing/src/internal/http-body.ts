// Request bodies and answers for the OTLP/HTTP server: bounded reads, gzip, google.rpc.Status.
import type * as http from 'node:http';
import * as zlib from 'node:zlib';
import { encodeRpcStatus } from '../proto.js';
import { rpcCodeForHttpStatus } from './rpc-codes.js';

/** Reads a body up to `max` bytes; past that keeps draining and returns no data. */
export function readBody(
  req: http.IncomingMessage,
  max: number,
): Promise<{ data?: Buffer; received: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= max) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.once('end', () =>
      resolve(received <= max ? { data: Buffer.concat(chunks), received } : { received }),
    );
    req.once('error', reject);
  });
}

/** Reads and discards the rest of a body; returns its size. */
export function drain(req: http.IncomingMessage): Promise<number> {
  return readBody(req, 0).then(
    (r) => r.received,
    () => 0,
  );
}

export function gunzip(data: Buffer, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zlib.gunzip(data, { maxOutputLength: Math.max(1, max) }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

export function send(
  res: http.ServerResponse,
  status: number,
  type: string,
  body: Uint8Array | string,
) {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Answers with a `google.rpc.Status`, in JSON or protobuf like the request. */
export function sendStatus(
  res: http.ServerResponse,
  status: number,
  message: string,
  json: boolean,
) {
  const code = rpcCodeForHttpStatus(status);
  if (json) send(res, status, 'application/json', JSON.stringify({ code, message }));
  else send(res, status, 'application/x-protobuf', encodeRpcStatus(code, message));
}
