import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pollUntil } from '../e2e/support/poll.js';
import {
  isAlive,
  logFile,
  pidFile,
  readPidRecord,
  startDetached,
  stopProcess,
} from '../src/process-control.js';

describe('process control', () => {
  let dir: string;
  let dirs: { runDir: string; logDir: string };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'stack-proc-'));
    dirs = { runDir: path.join(dir, 'run'), logDir: path.join(dir, 'logs') };
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** A real process that runs until signalled (bounded: it exits by itself after 60 s). */
  const sleeper = (name: string, setup = '') => ({
    name: 'collector' as const,
    command: process.execPath,
    args: ['-e', `${setup} console.log('${name} started'); setTimeout(() => {}, 60_000)`],
    env: {},
    ports: [],
    readyUrls: [],
  });

  it('should start a detached process, record its pid and stop it with SIGTERM', async () => {
    const record = startDetached(sleeper('one'), dirs);
    const file = pidFile(dirs.runDir, 'collector');
    expect(readPidRecord(file)).toEqual(record);
    expect(isAlive(record)).toBe(true);
    expect(await stopProcess(record, file)).toBe('stopped');
    expect(isAlive(record)).toBe(false);
    expect(existsSync(file)).toBe(false);
  });

  it('should SIGKILL a process that ignores SIGTERM after the grace period', async () => {
    const record = startDetached(sleeper('stubborn', "process.on('SIGTERM', () => {});"), dirs);
    // Its output line comes after its SIGTERM handler is installed (the log's header line
    // quotes the script, so the line must match whole).
    const lines = await pollUntil(
      async () => readFileSync(logFile(dirs.logDir, 'collector'), 'utf8').split('\n'),
      (log) => log.includes('stubborn started'),
    );
    expect(lines).toContain('stubborn started');
    const file = pidFile(dirs.runDir, 'collector');
    expect(await stopProcess(record, file, 300)).toBe('killed');
    expect(isAlive(record)).toBe(false);
  });

  it('should not count a pid that now runs another program as ours', async () => {
    const record = startDetached(sleeper('other'), dirs);
    const file = pidFile(dirs.runDir, 'collector');
    try {
      expect(isAlive({ ...record, command: '/usr/bin/otelcol-proc' })).toBe(false);
      expect(await stopProcess({ ...record, command: '/usr/bin/otelcol-proc' }, file)).toBe(
        'not running',
      );
      expect(isAlive(record)).toBe(true);
    } finally {
      await stopProcess(record, file);
    }
  });

  it('should read a torn or foreign pid file as no process', () => {
    const file = path.join(dir, 'torn.pid');
    writeFileSync(file, '{"pid": 12');
    expect(readPidRecord(file)).toBeUndefined();
    writeFileSync(file, '{"pid": -1, "command": "x"}');
    expect(readPidRecord(file)).toBeUndefined();
    expect(readPidRecord(path.join(dir, 'missing.pid'))).toBeUndefined();
  });
});
