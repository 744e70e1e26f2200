import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceSpec } from './service-spec.js';

/** What a pid file records: enough to tell our process from another that reuses its pid. */
export interface PidRecord {
  pid: number;
  command: string;
  startedAt: string;
}

export const pidFile = (runDir: string, name: string) => path.join(runDir, `${name}.pid`);
export const logFile = (logDir: string, name: string) => path.join(logDir, `${name}.log`);

export function readPidRecord(file: string): PidRecord | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as PidRecord;
    return Number.isInteger(record.pid) && record.pid > 0 ? record : undefined;
  } catch {
    return undefined; // A torn or foreign file: treated as no process.
  }
}

/**
 * True while the recorded process runs. On Linux its command line must still be the recorded
 * program: after a reboot or a crash the pid may belong to something else, which `down` must
 * never signal.
 */
export function isAlive(record: PidRecord): boolean {
  try {
    process.kill(record.pid, 0);
  } catch {
    // ESRCH: gone; EPERM: it exists but is not ours to signal, so not the one we started.
    return false;
  }
  const cmdline = `/proc/${record.pid}/cmdline`;
  if (process.platform !== 'linux') return true;
  if (!existsSync(cmdline)) return false;
  try {
    // Empty for a zombie (exited, not yet reaped): not running.
    return readFileSync(cmdline, 'utf8').split('\0')[0] === record.command;
  } catch {
    return false;
  }
}

/**
 * Starts the service detached (its own process group, stdin closed, output appended to its
 * log) so it outlives this CLI, and records its pid.
 */
export function startDetached(
  spec: ServiceSpec,
  dirs: { runDir: string; logDir: string },
): PidRecord {
  mkdirSync(dirs.runDir, { recursive: true });
  mkdirSync(dirs.logDir, { recursive: true });
  const log = openSync(logFile(dirs.logDir, spec.name), 'a');
  try {
    writeFileSync(
      log,
      `\n=== ${new Date().toISOString()} ${spec.command} ${spec.args.join(' ')}\n`,
    );
    const child = spawn(spec.command, spec.args, {
      detached: true,
      stdio: ['ignore', log, log],
      env: { ...process.env, ...spec.env },
    });
    if (child.pid === undefined) throw new Error(`could not start ${spec.command}`);
    child.unref();
    const record: PidRecord = {
      pid: child.pid,
      command: spec.command,
      startedAt: new Date().toISOString(),
    };
    writeFileSync(pidFile(dirs.runDir, spec.name), `${JSON.stringify(record)}\n`);
    return record;
  } finally {
    closeSync(log);
  }
}

/**
 * Stops the process: SIGTERM (the collector and Jaeger then flush what they hold), SIGKILL if it
 * is still running after `graceMillis`. Resolves once it has exited; removes the pid file.
 */
export async function stopProcess(
  record: PidRecord,
  file: string,
  graceMillis = 10_000,
): Promise<'stopped' | 'killed' | 'not running'> {
  let outcome: 'stopped' | 'killed' | 'not running' = 'not running';
  if (isAlive(record)) {
    process.kill(record.pid, 'SIGTERM');
    outcome = (await waitForExit(record, graceMillis)) ? 'stopped' : 'killed';
    if (outcome === 'killed') {
      process.kill(record.pid, 'SIGKILL');
      await waitForExit(record, 5000);
    }
  }
  rmSync(file, { force: true });
  return outcome;
}

async function waitForExit(record: PidRecord, timeoutMillis: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMillis;
  while (Date.now() < deadline) {
    if (!isAlive(record)) return true;
    await sleep(100);
  }
  return !isAlive(record);
}
