// startOtlpReceiver: OTLP/HTTP and OTLP/gRPC servers in front of the in-memory store.
import * as http from 'node:http';
import * as net from 'node:net';
import * as zlib from 'node:zlib';
import * as grpc from '@grpc/grpc-js';
import { flattenLogs, flattenMetrics, flattenTraces } from './flatten.js';
import {
  decodeJson,
  decodeProtobuf,
  encodeResponseJson,
  encodeResponseProtobuf,
  encodeRpcStatus,
  SIGNALS,
  type Signal,
} from './proto.js';
import { TelemetryStore } from './store.js';
import type {
  FailureOptions,
  OtlpProtocol,
  OtlpReceiver,
  OtlpReceiverOptions,
  ProtocolStats,
  ReceiverStats,
} from './types.js';

/** Default of {@link OtlpReceiverOptions.maxBodyBytes}: 20 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;

// google.rpc.Code values used in answers.
const RPC_INVALID_ARGUMENT = 3;
const RPC_RESOURCE_EXHAUSTED = 8;
const RPC_UNAVAILABLE = 14;

const HTTP_STATUS_TO_RPC: Record<number, number> = {
  400: RPC_INVALID_ARGUMENT,
  413: RPC_RESOURCE_EXHAUSTED,
  429: RPC_RESOURCE_EXHAUSTED,
  502: RPC_UNAVAILABLE,
  503: RPC_UNAVAILABLE,
  504: 4,
};

type Decision =
  | { action: 'ok' }
  | { action: 'drop' }
  | { action: 'fail'; httpStatus: number; grpcCode: number };

/** The misbehaviour switches, shared by both servers. */
class Misbehaviour {
  failRemaining = 0;
  failNextOptions: Required<FailureOptions> = { httpStatus: 503, grpcCode: RPC_UNAVAILABLE };
  failUntil = 0;
  failForOptions: Required<FailureOptions> = { httpStatus: 503, grpcCode: RPC_UNAVAILABLE };
  delayMs = 0;
  dropRemaining = 0;

  decide(): Decision {
    if (this.dropRemaining > 0) {
      this.dropRemaining--;
      return { action: 'drop' };
    }
    if (this.failRemaining > 0) {
      this.failRemaining--;
      return { action: 'fail', ...this.failNextOptions };
    }
    if (Date.now() < this.failUntil) return { action: 'fail', ...this.failForOptions };
    return { action: 'ok' };
  }

  delay(): Promise<void> {
    const ms = this.delayMs;
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  }
}

function failureOptions(options: FailureOptions = {}): Required<FailureOptions> {
  return { httpStatus: options.httpStatus ?? 503, grpcCode: options.grpcCode ?? RPC_UNAVAILABLE };
}

const emptyStats = (): ProtocolStats => ({ requests: 0, bytes: 0, decodeFailures: 0 });

/** Stores a decoded request; returns the `partialSuccess` to answer with, if any. */
function ingest(
  store: TelemetryStore,
  signal: Signal,
  request: Record<string, unknown>,
  protocol: OtlpProtocol,
): Record<string, unknown> {
  if (signal.kind === 'traces') {
    const { spans, rejected, error } = flattenTraces(request, protocol);
    store.addSpans(spans);
    return rejected > 0 ? { partialSuccess: { rejectedSpans: rejected, errorMessage: error } } : {};
  }
  if (signal.kind === 'metrics') {
    store.addMetricExport(flattenMetrics(request, protocol));
    return {};
  }
  store.addLogs(flattenLogs(request, protocol));
  return {};
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

class Receiver implements OtlpReceiver {
  private readonly store = new TelemetryStore();
  private readonly misbehaviour = new Misbehaviour();
  private readonly counters: ReceiverStats = {
    grpc: emptyStats(),
    'http/protobuf': emptyStats(),
    'http/json': emptyStats(),
    httpRejected: 0,
  };
  private readonly host: string;
  private readonly maxBodyBytes: number;
  private httpPortValue: number;
  private grpcPortValue: number;
  private httpServer: http.Server | undefined;
  private grpcNetServer: net.Server | undefined;
  private grpcServer: grpc.Server | undefined;
  private grpcInjector: ReturnType<grpc.Server['createConnectionInjector']> | undefined;
  private readonly grpcSockets = new Set<net.Socket>();
  private running = false;

  constructor(options: OtlpReceiverOptions) {
    this.host = options.host ?? '127.0.0.1';
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.httpPortValue = options.httpPort ?? 0;
    this.grpcPortValue = options.grpcPort ?? 0;
  }

  get grpcPort(): number {
    return this.grpcPortValue;
  }

  get httpPort(): number {
    return this.httpPortValue;
  }

  get grpcUrl(): string {
    return `http://${this.urlHost()}:${this.grpcPortValue}`;
  }

  get httpUrl(): string {
    return `http://${this.urlHost()}:${this.httpPortValue}`;
  }

  private urlHost(): string {
    return this.host.includes(':') ? `[${this.host}]` : this.host;
  }

  async start(): Promise<void> {
    if (this.running) return;
    try {
      await this.startHttp();
      await this.startGrpc();
    } catch (error) {
      await this.closeServers();
      throw error;
    }
    this.running = true;
  }

  // ---- queries -------------------------------------------------------------------------------

  spans: OtlpReceiver['spans'] = (filter) => this.store.spans(filter);
  waitForSpans: OtlpReceiver['waitForSpans'] = (n, options) => this.store.waitForSpans(n, options);
  traceTree: OtlpReceiver['traceTree'] = (traceId) => this.store.traceTree(traceId);
  metricPoints: OtlpReceiver['metricPoints'] = (filter) => this.store.metricPoints(filter);
  metric: OtlpReceiver['metric'] = (name) => this.store.metric(name);
  waitForMetric: OtlpReceiver['waitForMetric'] = (name, options) =>
    this.store.waitForMetric(name, options);
  logs: OtlpReceiver['logs'] = () => this.store.logs();
  clear: OtlpReceiver['clear'] = () => this.store.clear();

  /** The store, for the CLI's live view. */
  get telemetry(): TelemetryStore {
    return this.store;
  }

  // ---- misbehaviour --------------------------------------------------------------------------

  failNext(n: number, options?: FailureOptions): void {
    this.misbehaviour.failRemaining = Math.max(0, Math.floor(n));
    this.misbehaviour.failNextOptions = failureOptions(options);
  }

  failFor(ms: number, options?: FailureOptions): void {
    this.misbehaviour.failUntil = Date.now() + Math.max(0, ms);
    this.misbehaviour.failForOptions = failureOptions(options);
  }

  delayResponses(ms: number): void {
    this.misbehaviour.delayMs = Math.max(0, ms);
  }

  dropNextConnections(n: number): void {
    this.misbehaviour.dropRemaining = Math.max(0, Math.floor(n));
  }

  stats(): ReceiverStats {
    return {
      grpc: { ...this.counters.grpc },
      'http/protobuf': { ...this.counters['http/protobuf'] },
      'http/json': { ...this.counters['http/json'] },
      httpRejected: this.counters.httpRejected,
    };
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  async stop(): Promise<void> {
    this.running = false;
    await this.closeServers();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  private async closeServers(): Promise<void> {
    const httpServer = this.httpServer;
    const netServer = this.grpcNetServer;
    this.httpServer = undefined;
    this.grpcNetServer = undefined;
    this.grpcInjector?.destroy();
    this.grpcInjector = undefined;
    this.grpcServer?.forceShutdown();
    this.grpcServer = undefined;
    for (const socket of this.grpcSockets) socket.destroy();
    this.grpcSockets.clear();
    await Promise.all([
      httpServer &&
        new Promise<void>((resolve) => {
          httpServer.close(() => resolve());
          httpServer.closeAllConnections();
        }),
      netServer && new Promise<void>((resolve) => netServer.close(() => resolve())),
    ]);
  }

  // ---- OTLP/HTTP -----------------------------------------------------------------------------

  private async startHttp(): Promise<void> {
    const server = http.createServer((req, res) => {
      this.handleHttp(req, res).catch((error) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(errorMessage(error));
        } else {
          res.destroy();
        }
      });
    });
    server.keepAliveTimeout = 5000;
    this.httpServer = server;
    this.httpPortValue = await listen(server, this.httpPortValue, this.host);
  }

  private async handleHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://receiver').pathname.replace(/\/+$/, '');
    const signal = Object.values(SIGNALS).find((s) => s.httpPath === path);
    const reject = async (status: number, message: string, json = false) => {
      this.counters.httpRejected++;
      await drain(req);
      sendStatus(res, status, message, json);
    };
    if (!signal) return reject(404, `no OTLP endpoint at ${path || '/'}`);
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return reject(405, `${req.method} is not allowed; OTLP/HTTP takes POST`);
    }
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    let protocol: OtlpProtocol;
    if (contentType === 'application/x-protobuf') protocol = 'http/protobuf';
    else if (contentType === 'application/json') protocol = 'http/json';
    else {
      return reject(
        415,
        `unsupported content type "${contentType}"; use application/x-protobuf or application/json`,
      );
    }
    const json = protocol === 'http/json';
    const counters = this.counters[protocol];
    counters.requests++;

    const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (encoding !== 'gzip' && encoding !== 'identity') {
      await drain(req);
      return sendStatus(res, 415, `unsupported content encoding "${encoding}"`, json);
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > this.maxBodyBytes) {
      counters.bytes += await drain(req);
      return sendStatus(res, 413, tooLarge(this.maxBodyBytes), json);
    }
    const body = await readBody(req, this.maxBodyBytes);
    counters.bytes += body.received;
    if (body.data === undefined) return sendStatus(res, 413, tooLarge(this.maxBodyBytes), json);

    let payload: Buffer = body.data;
    if (encoding === 'gzip') {
      try {
        payload = await gunzip(payload, this.maxBodyBytes);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          return sendStatus(res, 413, tooLarge(this.maxBodyBytes), json);
        }
        counters.decodeFailures++;
        return sendStatus(res, 400, `invalid gzip body: ${errorMessage(error)}`, json);
      }
    }

    const decision = this.misbehaviour.decide();
    if (decision.action === 'drop') {
      req.socket.destroy();
      return;
    }
    if (decision.action === 'fail') {
      await this.misbehaviour.delay();
      return sendStatus(res, decision.httpStatus, 'failure injected by the test receiver', json);
    }

    let request: Record<string, unknown>;
    try {
      request = json ? decodeJson(signal, payload) : decodeProtobuf(signal, payload);
    } catch (error) {
      counters.decodeFailures++;
      return sendStatus(
        res,
        400,
        `cannot decode ${json ? 'OTLP/JSON' : 'protobuf'} ${signal.kind} request: ${errorMessage(error)}`,
        json,
      );
    }
    const response = ingest(this.store, signal, request, protocol);
    await this.misbehaviour.delay();
    if (json) {
      send(res, 200, 'application/json', encodeResponseJson(signal, response));
    } else {
      send(res, 200, 'application/x-protobuf', encodeResponseProtobuf(signal, response));
    }
  }

  // ---- OTLP/gRPC -----------------------------------------------------------------------------

  private async startGrpc(): Promise<void> {
    const server = new grpc.Server({
      'grpc.max_receive_message_length': this.maxBodyBytes,
    });
    const counters = this.counters.grpc;
    for (const signal of Object.values(SIGNALS)) {
      const definition: grpc.ServiceDefinition = {
        Export: {
          path: signal.grpcPath,
          requestStream: false,
          responseStream: false,
          originalName: 'Export',
          requestSerialize: (value: Record<string, unknown>) =>
            Buffer.from(signal.request.encode(signal.request.fromObject(value)).finish()),
          requestDeserialize: (bytes: Buffer) => {
            counters.requests++;
            counters.bytes += bytes.length;
            try {
              return decodeProtobuf(signal, bytes);
            } catch (error) {
              counters.decodeFailures++;
              throw error;
            }
          },
          responseSerialize: (value: Record<string, unknown>) =>
            Buffer.from(encodeResponseProtobuf(signal, value)),
          responseDeserialize: (bytes: Buffer) =>
            signal.response.toObject(signal.response.decode(bytes)),
        },
      };
      server.addService(definition, {
        Export: (
          call: grpc.ServerUnaryCall<Record<string, unknown>, Record<string, unknown>>,
          callback: grpc.sendUnaryData<Record<string, unknown>>,
        ) => {
          this.handleGrpc(signal, call, callback).catch((error) =>
            callback({ code: grpc.status.INTERNAL, details: errorMessage(error) }),
          );
        },
      });
    }
    const injector = server.createConnectionInjector(grpc.ServerCredentials.createInsecure());
    const netServer = net.createServer((socket) => {
      this.grpcSockets.add(socket);
      socket.once('close', () => this.grpcSockets.delete(socket));
      injector.injectConnection(socket);
    });
    this.grpcServer = server;
    this.grpcInjector = injector;
    this.grpcNetServer = netServer;
    this.grpcPortValue = await listen(netServer, this.grpcPortValue, this.host);
  }

  private async handleGrpc(
    signal: Signal,
    call: grpc.ServerUnaryCall<Record<string, unknown>, Record<string, unknown>>,
    callback: grpc.sendUnaryData<Record<string, unknown>>,
  ): Promise<void> {
    const decision = this.misbehaviour.decide();
    if (decision.action === 'drop') {
      // getPeer() is "<address>:<port>" of the client; find its socket and cut it.
      const peer = call.getPeer();
      let dropped = false;
      for (const socket of this.grpcSockets) {
        if (peer.endsWith(`:${socket.remotePort}`) && peer.includes(socket.remoteAddress ?? '?')) {
          socket.destroy();
          dropped = true;
        }
      }
      // Never leave a call hanging: if its socket was not found, fail it like a cut connection.
      if (!dropped) callback({ code: grpc.status.UNAVAILABLE, details: 'connection dropped' });
      return;
    }
    await this.misbehaviour.delay();
    if (decision.action === 'fail') {
      callback({ code: decision.grpcCode, details: 'failure injected by the test receiver' });
      return;
    }
    callback(null, ingest(this.store, signal, call.request, 'grpc'));
  }
}

function listen(server: net.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

const tooLarge = (max: number) => `request body larger than the limit of ${max} bytes`;

/** Reads a body up to `max` bytes; past that keeps draining and returns no data. */
function readBody(
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
function drain(req: http.IncomingMessage): Promise<number> {
  return readBody(req, 0).then(
    (r) => r.received,
    () => 0,
  );
}

function gunzip(data: Buffer, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zlib.gunzip(data, { maxOutputLength: Math.max(1, max) }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: Uint8Array | string) {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Answers with a `google.rpc.Status`, in JSON or protobuf like the request. */
function sendStatus(res: http.ServerResponse, status: number, message: string, json: boolean) {
  const code = HTTP_STATUS_TO_RPC[status] ?? (status >= 500 ? RPC_UNAVAILABLE : 2);
  if (json) send(res, status, 'application/json', JSON.stringify({ code, message }));
  else send(res, status, 'application/x-protobuf', encodeRpcStatus(code, message));
}

/**
 * Starts an OTLP receiver: OTLP/HTTP and OTLP/gRPC servers on `host` (default 127.0.0.1), on
 * free ports unless given, keeping what they receive in memory.
 */
export async function startOtlpReceiver(options: OtlpReceiverOptions = {}): Promise<OtlpReceiver> {
  const receiver = new Receiver(options);
  await receiver.start();
  return receiver;
}

/** Same as {@link startOtlpReceiver}, typed with the store accessor the CLI uses. */
export async function startReceiverWithStore(
  options: OtlpReceiverOptions = {},
): Promise<OtlpReceiver & { readonly telemetry: TelemetryStore }> {
  const receiver = new Receiver(options);
  await receiver.start();
  return receiver;
}
