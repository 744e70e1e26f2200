import { connect as connectTcp, isIP, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';

/** How a TCP connection attempt ended. */
export type ConnectResult =
  | { status: 'connected' }
  | { status: 'failed'; code: string; message: string }
  | { status: 'timeout' };

/**
 * What a port speaks, told by its answer: `tls` (a TLS handshake completed), `http1` (an
 * `HTTP/1.x` status line), `http2` (HTTP/2 frames: a gRPC server), `closed` (it hung up without
 * a word), `silent` (no answer in time) or `other`.
 */
export type PortAnswer = 'tls' | 'http1' | 'http2' | 'closed' | 'silent' | 'other';

/** Runs `attempt` on a socket, bounded by `timeoutMillis`; the socket is always destroyed. */
function withSocket<T>(
  open: () => Socket,
  timeoutMillis: number,
  attempt: (socket: Socket, settle: (value: T) => void) => void,
  onTimeout: T,
): Promise<T> {
  return new Promise((resolve) => {
    const socket = open();
    let settled = false;
    const settle = (value: T) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => settle(onTimeout), timeoutMillis);
    attempt(socket, settle);
  });
}

/** Opens a TCP connection to `host:port` and closes it: refused, unresolvable, or up. */
export function tcpConnect(host: string, port: number, timeoutMillis: number) {
  return withSocket<ConnectResult>(
    () => connectTcp({ host, port }),
    timeoutMillis,
    (socket, settle) => {
      socket.once('connect', () => settle({ status: 'connected' }));
      socket.once('error', (error: NodeJS.ErrnoException) =>
        settle({ status: 'failed', code: error.code ?? 'ERROR', message: error.message }),
      );
    },
    { status: 'timeout' },
  );
}

/** Whether the port completes a TLS handshake (any certificate: only the language matters). */
function speaksTls(host: string, port: number, timeoutMillis: number): Promise<boolean> {
  return withSocket<boolean>(
    () =>
      connectTls({
        host,
        port,
        rejectUnauthorized: false,
        ALPNProtocols: ['h2', 'http/1.1'],
        ...(isIP(host) === 0 ? { servername: host } : {}),
      }),
    timeoutMillis,
    (socket, settle) => {
      socket.once('secureConnect', () => settle(true));
      socket.once('error', () => settle(false));
      socket.once('close', () => settle(false));
    },
    false,
  );
}

/** The kind of the first bytes a server sends back to an HTTP/1.1 request. */
function kindOf(data: Buffer): PortAnswer {
  if (data.subarray(0, 5).toString('latin1') === 'HTTP/') return 'http1';
  // A TLS record (alert 0x15, handshake 0x16) with version 3.x.
  if ((data[0] === 0x15 || data[0] === 0x16) && data[1] === 0x03) return 'tls';
  // An HTTP/2 frame header: 24-bit length, then a type from DATA (0x0) to CONTINUATION (0x9); a
  // server that did not get the HTTP/2 preface sends SETTINGS (0x4) or GOAWAY (0x7).
  if (data.length >= 9 && (data[3] ?? 0xff) <= 0x09) return 'http2';
  return 'other';
}

/** The answer of the port to a plain-text HTTP/1.1 request. */
function plainAnswer(host: string, port: number, timeoutMillis: number): Promise<PortAnswer> {
  return withSocket<PortAnswer>(
    () => connectTcp({ host, port }),
    timeoutMillis,
    (socket, settle) => {
      socket.once('connect', () =>
        socket.write(`GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
      );
      socket.once('data', (data: Buffer) => settle(kindOf(data)));
      socket.once('error', () => settle('closed'));
      socket.once('close', () => settle('closed'));
    },
    'silent',
  );
}

/**
 * Tells what a port speaks by its answers, within `timeoutMillis` per attempt: a TLS handshake
 * first, then a plain HTTP/1.1 request. Used after a failed export, to tell "HTTP sent to a
 * gRPC port" from "plain text sent to a TLS port" where the transport's error says neither.
 */
export async function sniffPort(
  host: string,
  port: number,
  timeoutMillis: number,
): Promise<PortAnswer> {
  if (await speaksTls(host, port, timeoutMillis)) return 'tls';
  return plainAnswer(host, port, timeoutMillis);
}
