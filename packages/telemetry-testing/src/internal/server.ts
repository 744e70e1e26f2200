// What the receiver hands its OTLP/HTTP and OTLP/gRPC servers, and what it gets back.
import type * as net from 'node:net';
import type { TelemetryStore } from '../store.js';
import type { ReceiverStats } from '../types.js';
import type { Misbehaviour } from './misbehaviour.js';

/** Shared by both servers; `counters` is the receiver's live (mutable) stats object. */
export interface ServerContext {
  readonly store: TelemetryStore;
  readonly misbehaviour: Misbehaviour;
  readonly counters: ReceiverStats;
  readonly maxBodyBytes: number;
}

/** A created server: listen once, close (cutting open connections) once. */
export interface OtlpServer {
  /** Resolves with the bound port (a free one when `port` is 0). */
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

export function listen(server: net.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

export const errorMessage = (error: unknown) =>
  error instanceof Error ? error.message : String(error);
