import { type AddressInfo, createServer, type Socket } from 'node:net';

/** A TCP server that accepts connections and never answers; see `startBlackHole()`. */
export interface BlackHole {
  /** The loopback port it listens on. */
  readonly port: number;
  /** Connections open now. */
  readonly openConnections: number;
  /** Most connections open at once. */
  readonly peakConnections: number;
  /** Connections accepted in all. */
  readonly acceptedConnections: number;
  /** Closes every connection and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts a "black hole" on 127.0.0.1: it accepts TCP connections, reads and discards what is
 * sent, and never answers, like a collector that hangs or a firewall that drops replies.
 * Exporters see only their own timeouts; the counts tell how many connections they kept open.
 */
export async function startBlackHole(): Promise<BlackHole> {
  const sockets = new Set<Socket>();
  let peak = 0;
  let accepted = 0;
  const server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    peak = Math.max(peak, sockets.size);
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    get openConnections() {
      return sockets.size;
    },
    get peakConnections() {
      return peak;
    },
    get acceptedConnections() {
      return accepted;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
