import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttp2Server, type Http2Server } from 'node:http2';
import type { Socket } from 'node:net';
import type { OtlpProtocol } from '@proc/telemetry-config';

/**
 * A collector that takes export requests and never answers: OTLP/HTTP over HTTP/1.1, OTLP/gRPC
 * over cleartext HTTP/2. It counts the requests still waiting, so a test can see an exporter
 * give up.
 */
export interface SilentCollector {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Export requests received so far. */
  requests(): number;
  /** Export requests the client has not given up on yet. */
  waiting(): number;
  /** Destroys every connection and closes the server. */
  stop(): Promise<void>;
}

export async function startSilentCollector(protocol: OtlpProtocol): Promise<SilentCollector> {
  let received = 0;
  let waiting = 0;
  const sockets = new Set<Socket>();
  const hold = (closeable: { once(event: 'close', listener: () => void): unknown }) => {
    received += 1;
    waiting += 1;
    closeable.once('close', () => {
      waiting -= 1;
    });
  };
  const server: Server | Http2Server =
    protocol === 'grpc'
      ? createHttp2Server().on('stream', (stream) => hold(stream))
      : createHttpServer((_request, response) => hold(response));
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests: () => received,
    waiting: () => waiting,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
