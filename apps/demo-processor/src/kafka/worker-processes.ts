import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { WorkerMessage, WorkerStats } from './worker-messages.js';

/** One worker process the producer process started. */
export interface WorkerProcess {
  readonly id: string;
  readonly pid: number;
  /** Its partitions of the events topic, as of its latest assignment. */
  readonly partitions: readonly number[];
  /** Its latest counts (from its progress and finished messages). */
  readonly stats: WorkerStats | undefined;
  /** True once it reported its final counts. */
  readonly finished: boolean;
  /** Resolves when it has exited: its exit code, or the signal that ended it. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (it drains, commits and shuts its telemetry down), SIGKILL after `graceMillis`. */
  stop(graceMillis: number): Promise<void>;
}

/**
 * Starts `count` workers of the demo (`main.js --role worker`), each with `args` and its
 * `--worker-id`, and writes their output line by line prefixed with their id (`worker-1 | …`).
 * Each runs in a process group of its own, so a Ctrl-C at the terminal reaches only the
 * producer process, which stops them in order; each stops by itself when the producer process
 * is gone (its IPC channel closes).
 */
export function startWorkerProcesses(options: {
  count: number;
  args: readonly string[];
  env: Record<string, string | undefined>;
  write: (text: string) => void;
}): WorkerProcess[] {
  const main = path.join(__dirname, '..', 'main.js');
  return Array.from({ length: options.count }, (_, i) => {
    const id = `worker-${i + 1}`;
    const child: ChildProcess = spawn(
      process.execPath,
      [main, ...options.args, '--role', 'worker', '--worker-id', id],
      {
        env: options.env as NodeJS.ProcessEnv,
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        detached: true,
      },
    );
    let partitions: number[] = [];
    let stats: WorkerStats | undefined;
    let finished = false;
    const prefix = (stream: NodeJS.ReadableStream | null) => {
      let pending = '';
      stream?.on('data', (chunk: Buffer) => {
        pending += chunk.toString();
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) options.write(`${id} | ${line}\n`);
      });
      stream?.on('end', () => {
        if (pending) options.write(`${id} | ${pending}\n`);
      });
    };
    prefix(child.stdout);
    prefix(child.stderr);
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'assigned') partitions = message.partitions;
      else if (message.type === 'progress') stats = message.stats;
      else if (message.type === 'finished') {
        stats = message.stats;
        finished = true;
      }
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
      (resolve) => {
        child.on('exit', (code, signal) => resolve({ code, signal }));
        child.on('error', () => resolve({ code: null, signal: null }));
      },
    );
    let done = false;
    void exited.then(() => {
      done = true;
    });
    return {
      id,
      pid: child.pid ?? -1,
      get partitions() {
        return partitions;
      },
      get stats() {
        return stats;
      },
      get finished() {
        return finished;
      },
      exited,
      async stop(graceMillis) {
        if (done) return;
        child.kill('SIGTERM');
        const outcome = await Promise.race([
          exited.then(() => 'exited'),
          sleep(graceMillis).then(() => 'late'),
        ]);
        if (outcome === 'late') {
          child.kill('SIGKILL');
          await exited;
        }
      },
    };
  });
}
