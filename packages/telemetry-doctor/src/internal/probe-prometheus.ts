import { createServer } from 'node:net';

/** Whether the Prometheus endpoint could listen: `free`, or the listen error's code. */
export type ListenCheck = { status: 'free' } | { status: 'failed'; code: string; message: string };

/**
 * Listens on `host:port` as the Prometheus exporter would, and closes again at once. A port
 * another process holds fails with `EADDRINUSE`; a host that is no address of this machine
 * with `EADDRNOTAVAIL` (or `ENOTFOUND` when it does not resolve).
 */
export function checkListen(host: string, port: number): Promise<ListenCheck> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: 'failed', code: error.code ?? 'ERROR', message: error.message }),
    );
    server.listen({ host, port, exclusive: true }, () => {
      server.close(() => resolve({ status: 'free' }));
    });
  });
}
