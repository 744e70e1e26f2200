import { isMainThread } from 'node:worker_threads';
import type { initTelemetry } from '../init-telemetry.js';
import type { TelemetryProviders } from '../types.js';

/**
 * What `@proc/telemetry/register` runs: `initTelemetry()` from the environment and the config
 * file (`PROC_TELEMETRY_CONFIG_FILE`) alone, flushing on SIGTERM/SIGINT (then ending the process
 * as Node would) and when the event loop empties (`beforeExit`). A configuration the app did not
 * write in code must not stop it: an error is printed to stderr and the app runs without
 * telemetry. Resolves with the providers, or undefined when telemetry did not start.
 *
 * Worker threads inherit `--import` / `--require` (pino's transports run in one): only the main
 * thread starts telemetry, so a worker neither exports a second copy nor patches its modules.
 *
 * `init` is `initTelemetry` of the package's main entry (dist/<format>/index.js): each entry is
 * bundled on its own, so taking it from there keeps one instance for the register entry and an
 * app that calls `initTelemetry()` itself (which then gets the running one).
 */
export async function startRegistered(
  init: typeof initTelemetry,
): Promise<TelemetryProviders | undefined> {
  if (!isMainThread) return undefined;
  let telemetry: TelemetryProviders;
  try {
    telemetry = await init({ shutdownOnSignals: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`@proc/telemetry/register: telemetry not started: ${reason}\n`);
    return undefined;
  }
  // 'beforeExit' comes when nothing is left to do; the flush schedules work, so it comes again
  // afterwards and the process then exits. An explicit process.exit() skips it: shut down first.
  process.once('beforeExit', () => {
    void telemetry.shutdown();
  });
  return telemetry;
}
