import { readFileSync } from 'node:fs';
import * as http2 from 'node:http2';
import * as https from 'node:https';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';

const TLS_FIXTURES = join(__dirname, '..', 'fixtures', 'tls');
/** The CA that signed the test servers' certificate. */
export const CA_FILE = join(TLS_FIXTURES, 'ca.pem');
const tls = () => ({
  key: readFileSync(join(TLS_FIXTURES, 'server.key')),
  cert: readFileSync(join(TLS_FIXTURES, 'server.pem')),
});

/** A loopback server a test starts and stops. */
export interface TestServer {
  port: number;
  /** Requests answered. */
  readonly requests: number;
  close(): Promise<void>;
}

async function listen(server: Server, sockets: Set<Socket>): Promise<number> {
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function closer(server: Server, sockets: Set<Socket>) {
  return () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

/**
 * An OTLP/HTTP endpoint over TLS (certificate for 127.0.0.1 from the test CA) that answers
 * every POST 200 with an empty body, as a collector accepting everything would.
 */
export async function startHttpsCollector(): Promise<TestServer> {
  let requests = 0;
  const sockets = new Set<Socket>();
  const server = https.createServer(tls(), (req, res) => {
    req.resume();
    req.on('end', () => {
      requests++;
      res.writeHead(200, { 'content-type': req.headers['content-type'] ?? 'application/json' });
      res.end();
    });
  });
  const port = await listen(server, sockets);
  return {
    port,
    get requests() {
      return requests;
    },
    close: closer(server, sockets),
  };
}

/**
 * An OTLP/gRPC endpoint over TLS (HTTP/2, certificate from the test CA) that answers every
 * call with an empty Export response and status OK.
 */
export async function startGrpcTlsCollector(): Promise<TestServer> {
  let requests = 0;
  const sockets = new Set<Socket>();
  const sessions = new Set<http2.ServerHttp2Session>();
  const server = http2.createSecureServer(tls());
  server.on('session', (session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  server.on('stream', (stream) => {
    stream.resume();
    stream.on('end', () => {
      requests++;
      stream.respond(
        { ':status': 200, 'content-type': 'application/grpc+proto' },
        {
          waitForTrailers: true,
        },
      );
      stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
      stream.end(Buffer.alloc(5)); // one uncompressed, empty Export response
    });
  });
  const port = await listen(server as unknown as Server, sockets);
  return {
    port,
    get requests() {
      return requests;
    },
    close: () => {
      for (const session of sessions) session.destroy();
      return closer(server as unknown as Server, sockets)();
    },
  };
}

/** A TCP server that only holds its port (a process already listening on it). */
export async function holdPort(): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => socket.destroy());
  const port = await listen(server, sockets);
  return { port, requests: 0, close: closer(server, sockets) };
}
