import type { ProcessorStats } from '../types.js';

/** What a worker tells the producer process that started it (over the IPC channel). */
export type WorkerMessage =
  /** The group (re)assigned partitions: after joining and after every rebalance. */
  | { type: 'assigned'; workerId: string; partitions: number[] }
  /** Once a second: what it has done, and how many spans it has delivered so far. */
  | { type: 'progress'; workerId: string; stats: WorkerStats; spansExported: number }
  /** After its telemetry shut down. */
  | { type: 'finished'; workerId: string; stats: WorkerStats }
  /** Last: the worker closes the channel after it. */
  | { type: 'bye' };

/** A worker's counts: the stream processor's plus the chain records. */
export interface WorkerStats extends ProcessorStats {
  chainProcessed: number;
}

/** Sends `message` to the parent when there is one (a worker started by hand has none). */
export function tellParent(message: WorkerMessage): void {
  if (process.send && process.connected) process.send(message);
}

/** Closes the channel to the parent (an open one keeps the process alive), once it is sent. */
export function leaveParent(): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    // A send's callback runs once everything queued before it has been written.
    process.send({ type: 'bye' }, () => {
      process.disconnect();
      resolve();
    });
  });
}
