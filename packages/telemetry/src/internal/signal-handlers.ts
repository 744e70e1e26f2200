import { constants } from 'node:os';

/** The part of `process` the handlers use; tests pass a stand-in. */
export interface SignalProcess {
  pid: number;
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  listenerCount(signal: NodeJS.Signals): number;
  kill(pid: number, signal: NodeJS.Signals): unknown;
  exit(code: number): never;
}

/** The signals `shutdownOnSignals: true` stands for. */
export const DEFAULT_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/** Signals whose default action cannot be replaced by a listener. */
const UNCATCHABLE = new Set<string>(['SIGKILL', 'SIGSTOP']);

/**
 * The signals to handle for the `shutdownOnSignals` option.
 * @throws TypeError naming an unknown or uncatchable signal, before anything is set up.
 */
export function signalsOf(
  option: boolean | readonly NodeJS.Signals[] | undefined,
): readonly NodeJS.Signals[] {
  if (option === true) return DEFAULT_SIGNALS;
  if (option === false || option === undefined) return [];
  const signals = [...new Set(option)];
  for (const signal of signals) {
    if (!Object.hasOwn(constants.signals, signal) || UNCATCHABLE.has(signal)) {
      throw new TypeError(
        `@proc/telemetry: shutdownOnSignals: ${JSON.stringify(signal)} is not a signal a process can handle; use e.g. ['SIGTERM', 'SIGINT']`,
      );
    }
  }
  return signals;
}

/**
 * Listens for `signals`; on the first one, removes every listener it added (so a second signal
 * gets Node's default behaviour and ends the process at once), awaits `shutdown()`, then raises
 * the signal again when nobody else listens for it: the process ends as it would have without
 * telemetry. When the app has its own listener, ending the process is left to it.
 *
 * Returns the function that removes the listeners (called by a normal `shutdown()`).
 */
export function installSignalHandlers(
  signals: readonly NodeJS.Signals[],
  shutdown: () => Promise<void>,
  proc: SignalProcess = process,
): () => void {
  const remove = () => {
    for (const signal of signals) proc.off(signal, onSignal);
  };
  function onSignal(signal: NodeJS.Signals): void {
    remove();
    const appHandlesIt = proc.listenerCount(signal) > 0;
    // Exports in flight hold sockets, but a timed-out one may not: keep the process alive until
    // the signal is raised again.
    const keepAlive = setInterval(() => undefined, 60_000);
    void shutdown().finally(() => {
      clearInterval(keepAlive);
      if (!appHandlesIt) reraise(proc, signal);
    });
  }
  for (const signal of signals) proc.on(signal, onSignal);
  return remove;
}

function reraise(proc: SignalProcess, signal: NodeJS.Signals): void {
  // With no listener left, Node restores the default action, which ends the process.
  proc.kill(proc.pid, signal);
  // Where a signal cannot end the process that way (Windows), exit with the shell's convention.
  setImmediate(() => proc.exit(128 + (constants.signals[signal] ?? 0)));
}
