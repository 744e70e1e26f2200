// The OTLP/HTTP server: protobuf and JSON bodies, plain or gzip, on /v1/{traces,metrics,logs}.
import * as http from 'node:http';
import {
  decodeProtobufMessage,
  encodeResponseJson,
  encodeResponseProtobuf,
  SIGNALS,
} from '../proto.js';
import type { ReceiverProtocol } from '../types.js';
import type { DecodedExport } from './decoded-export.js';
import { drain, gunzip, readBody, send, sendStatus } from './http-body.js';
import { flattenRequest, ingest } from './ingest.js';
import { decodeOtlpJson } from './otlp-json/decode-otlp-json.js';
import { errorMessage, listen, type OtlpServer, type ServerContext } from './server.js';

const tooLarge = (max: number) => `request body larger than the limit of ${max} bytes`;

export function createHttpServer(context: ServerContext): OtlpServer {
  const server = http.createServer((req, res) => {
    handleHttp(context, req, res).catch((error) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(errorMessage(error));
      } else {
        res.destroy();
      }
    });
  });
  server.keepAliveTimeout = 5000;
  return {
    listen: (port, host) => listen(server, port, host),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handleHttp(
  { store, misbehaviour, counters: stats, maxBodyBytes }: ServerContext,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://receiver').pathname.replace(/\/+$/, '');
  const signal = Object.values(SIGNALS).find((s) => s.httpPath === path);
  const reject = async (status: number, message: string, json = false) => {
    stats.httpRejected++;
    await drain(req);
    sendStatus(res, status, message, json);
  };
  if (!signal) return reject(404, `no OTLP endpoint at ${path || '/'}`);
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return reject(405, `${req.method} is not allowed; OTLP/HTTP takes POST`);
  }
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  let protocol: ReceiverProtocol;
  if (contentType === 'application/x-protobuf') protocol = 'http/protobuf';
  else if (contentType === 'application/json') protocol = 'http/json';
  else {
    return reject(
      415,
      `unsupported content type "${contentType}"; use application/x-protobuf or application/json`,
    );
  }
  const json = protocol === 'http/json';
  const counters = stats[protocol];
  counters.requests++;

  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding !== 'gzip' && encoding !== 'identity') {
    await drain(req);
    return sendStatus(res, 415, `unsupported content encoding "${encoding}"`, json);
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBodyBytes) {
    counters.bytes += await drain(req);
    return sendStatus(res, 413, tooLarge(maxBodyBytes), json);
  }
  const body = await readBody(req, maxBodyBytes);
  counters.bytes += body.received;
  if (body.data === undefined) return sendStatus(res, 413, tooLarge(maxBodyBytes), json);

  let payload: Buffer = body.data;
  if (encoding === 'gzip') {
    try {
      payload = await gunzip(payload, maxBodyBytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        return sendStatus(res, 413, tooLarge(maxBodyBytes), json);
      }
      counters.decodeFailures++;
      return sendStatus(res, 400, `invalid gzip body: ${errorMessage(error)}`, json);
    }
  }

  const decision = misbehaviour.decide();
  if (decision.action === 'drop') {
    req.socket.destroy();
    return;
  }
  if (decision.action === 'fail') {
    await misbehaviour.delay();
    if (decision.retryAfterSeconds !== undefined) {
      res.setHeader('Retry-After', String(decision.retryAfterSeconds));
    }
    return sendStatus(res, decision.httpStatus, 'failure injected by the test receiver', json);
  }

  let decoded: DecodedExport;
  try {
    decoded = json
      ? decodeOtlpJson(signal, payload)
      : flattenRequest(signal, decodeProtobufMessage(signal, payload), protocol);
  } catch (error) {
    counters.decodeFailures++;
    return sendStatus(
      res,
      400,
      `cannot decode ${json ? 'OTLP/JSON' : 'protobuf'} ${signal.kind} request: ${errorMessage(error)}`,
      json,
    );
  }
  const response = ingest(store, decoded);
  await misbehaviour.delay();
  if (json) {
    send(res, 200, 'application/json', encodeResponseJson(signal, response));
  } else {
    send(res, 200, 'application/x-protobuf', encodeResponseProtobuf(signal, response));
  }
}
