import { EventEmitter } from 'node:events';
import {
  installSignalHandlers,
  type SignalProcess,
  signalsOf,
} from '../../src/internal/signal-handlers.js';

class TestProcess extends EventEmitter implements SignalProcess {
  pid = 4242;
  killed: Array<[number, NodeJS.Signals]> = [];
  exitCodes: number[] = [];
  kill(pid: number, signal: NodeJS.Signals) {
    this.killed.push([pid, signal]);
    return true;
  }
  exit(code: number): never {
    this.exitCodes.push(code);
    return undefined as never;
  }
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('signalsOf', () => {
  it('should map the shutdownOnSignals option to signals', () => {
    expect(signalsOf(undefined)).toEqual([]);
    expect(signalsOf(false)).toEqual([]);
    expect(signalsOf(true)).toEqual(['SIGTERM', 'SIGINT']);
    expect(signalsOf(['SIGHUP', 'SIGHUP'])).toEqual(['SIGHUP']);
  });

  it('should reject signals a listener cannot handle', () => {
    expect(() => signalsOf(['SIGKILL'])).toThrow(/"SIGKILL" is not a signal a process can handle/);
    expect(() => signalsOf(['SIGNOPE' as NodeJS.Signals])).toThrow(TypeError);
  });
});

describe('installSignalHandlers', () => {
  it('should shut down, remove every listener, then raise the signal again', async () => {
    const proc = new TestProcess();
    const flush = deferred();
    const shutdown = jest.fn(() => flush.promise);
    installSignalHandlers(['SIGTERM', 'SIGINT'], shutdown, proc);

    proc.emit('SIGTERM', 'SIGTERM');

    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(proc.listenerCount('SIGTERM')).toBe(0);
    expect(proc.listenerCount('SIGINT')).toBe(0);
    expect(proc.killed).toEqual([]);
    flush.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(proc.killed).toEqual([[4242, 'SIGTERM']]);
  });

  it('should not raise the signal again when the app listens for it', async () => {
    const proc = new TestProcess();
    proc.on('SIGINT', () => undefined);
    const shutdown = jest.fn(() => Promise.resolve());
    installSignalHandlers(['SIGINT'], shutdown, proc);

    proc.emit('SIGINT', 'SIGINT');
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));

    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(proc.killed).toEqual([]);
    expect(proc.exitCodes).toEqual([]);
  });

  it('should remove its listeners when the returned function is called', () => {
    const proc = new TestProcess();
    const remove = installSignalHandlers(['SIGTERM'], () => Promise.resolve(), proc);

    remove();

    expect(proc.listenerCount('SIGTERM')).toBe(0);
  });
});
