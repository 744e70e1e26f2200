// The OTLP/gRPC server: the three Export services on a net.Server whose sockets we keep, so
// dropNextConnections() can cut the one a call came in on.
import * as net from 'node:net';
import * as grpc from '@grpc/grpc-js';
import { decodeProtobufMessage, encodeResponseProtobuf, SIGNALS, type Signal } from '../proto.js';
import { flattenRequest, ingest } from './ingest.js';
import { errorMessage, listen, type OtlpServer, type ServerContext } from './server.js';

type ExportCall = grpc.ServerUnaryCall<Record<string, unknown>, Record<string, unknown>>;
type ExportCallback = grpc.sendUnaryData<Record<string, unknown>>;

export function createGrpcServer(context: ServerContext): OtlpServer {
  const server = new grpc.Server({
    'grpc.max_receive_message_length': context.maxBodyBytes,
  });
  const sockets = new Set<net.Socket>();
  const counters = context.counters.grpc;
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
            return decodeProtobufMessage(signal, bytes);
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
      Export: (call: ExportCall, callback: ExportCallback) => {
        handleGrpc(context, sockets, signal, call, callback).catch((error) =>
          callback({ code: grpc.status.INTERNAL, details: errorMessage(error) }),
        );
      },
    });
  }
  const injector = server.createConnectionInjector(grpc.ServerCredentials.createInsecure());
  const netServer = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    injector.injectConnection(socket);
  });
  return {
    listen: (port, host) => listen(netServer, port, host),
    close: () => {
      injector.destroy();
      server.forceShutdown();
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      return new Promise<void>((resolve) => netServer.close(() => resolve()));
    },
  };
}

async function handleGrpc(
  { store, misbehaviour }: ServerContext,
  sockets: ReadonlySet<net.Socket>,
  signal: Signal,
  call: ExportCall,
  callback: ExportCallback,
): Promise<void> {
  const decision = misbehaviour.decide();
  if (decision.action === 'drop') {
    // getPeer() is "<address>:<port>" of the client; find its socket and cut it.
    const peer = call.getPeer();
    let dropped = false;
    for (const socket of sockets) {
      if (peer.endsWith(`:${socket.remotePort}`) && peer.includes(socket.remoteAddress ?? '?')) {
        socket.destroy();
        dropped = true;
      }
    }
    // Never leave a call hanging: if its socket was not found, fail it like a cut connection.
    if (!dropped) callback({ code: grpc.status.UNAVAILABLE, details: 'connection dropped' });
    return;
  }
  await misbehaviour.delay();
  if (decision.action === 'fail') {
    callback({ code: decision.grpcCode, details: 'failure injected by the test receiver' });
    return;
  }
  callback(null, ingest(store, flattenRequest(signal, call.request, 'grpc')));
}
