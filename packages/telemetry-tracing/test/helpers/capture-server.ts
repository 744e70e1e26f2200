import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as http2 from 'node:http2';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';

/** One request as a capture server saw it. */
export interface CapturedRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** CN of the client certificate, on mutual-TLS servers. */
  clientCertificateCN?: string;
}

/** `http`/`https`: OTLP/HTTP; `h2c`/`h2`: OTLP/gRPC, plaintext or TLS. TLS servers require a client certificate. */
export type CaptureServerKind = 'http' | 'https' | 'h2c' | 'h2';

/** A loopback server that records requests and answers them as a collector would (success, empty body). */
export interface CaptureServer {
  /** `http://127.0.0.1:<port>` or `https://...`. */
  url: string;
  requests: CapturedRequest[];
  close(): Promise<void>;
}

export const TLS_FIXTURES = join(__dirname, '..', 'fixtures', 'tls');
const fixture = (name: string) => readFileSync(join(TLS_FIXTURES, name));

function peerCN(socket: unknown): string | undefined {
  const cert = (socket as TLSSocket).getPeerCertificate?.();
  const cn = cert?.subject?.CN;
  return typeof cn === 'string' ? cn : undefined;
}

export async function startCaptureServer(kind: CaptureServerKind): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const tls = {
    key: fixture('server.key'),
    cert: fixture('server.pem'),
    ca: fixture('ca.pem'),
    requestCert: true,
    rejectUnauthorized: true,
  };
  let server: http.Server | http2.Http2Server;
  const sessions = new Set<http2.ServerHttp2Session>();

  if (kind === 'http' || kind === 'https') {
    const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        requests.push({
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks),
          ...(kind === 'https' ? { clientCertificateCN: peerCN(req.socket) } : {}),
        });
        res.writeHead(200, { 'content-type': req.headers['content-type'] ?? 'application/json' });
        res.end();
      });
    };
    server = kind === 'https' ? https.createServer(tls, onRequest) : http.createServer(onRequest);
  } else {
    server = kind === 'h2' ? http2.createSecureServer(tls) : http2.createServer();
    server.on('session', (session: http2.ServerHttp2Session) => {
      sessions.add(session);
      session.on('close', () => sessions.delete(session));
    });
    server.on('stream', (stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        requests.push({
          path: String(headers[':path']),
          headers,
          body: Buffer.concat(chunks),
          ...(kind === 'h2' ? { clientCertificateCN: peerCN(stream.session?.socket) } : {}),
        });
        stream.respond(
          { ':status': 200, 'content-type': 'application/grpc+proto' },
          { waitForTrailers: true },
        );
        stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
        stream.end(Buffer.alloc(5)); // one uncompressed, empty ExportTraceServiceResponse
      });
    });
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const scheme = kind === 'https' || kind === 'h2' ? 'https' : 'http';
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const session of sessions) session.destroy();
        (server as http.Server).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
