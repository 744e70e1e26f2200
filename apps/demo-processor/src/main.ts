#!/usr/bin/env node
// Bin `demo-processor`: parses the command line, runs the demo and turns Ctrl-C / SIGTERM into
// an orderly stop (drain, flush windows, shut telemetry down) rather than an abrupt exit.
import { CommanderError } from 'commander';
import { parseDemoCliOptions } from './cli-options.js';
import { runKafkaDemoCli } from './kafka/kafka-demo-cli.js';
import { runDemoCli } from './run-demo-cli.js';

async function main(): Promise<number> {
  let options: ReturnType<typeof parseDemoCliOptions>;
  try {
    options = parseDemoCliOptions(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
  const stop = new AbortController();
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (!stop.signal.aborted) {
      firstSignalAt = Date.now();
      process.stdout.write(`\n${signal}: stopping (press Ctrl-C again to exit at once)\n`);
      stop.abort();
      return;
    }
    // Ctrl-C under `pnpm demo` may arrive twice at once (from the terminal and forwarded by
    // pnpm): only a later, deliberate second signal skips the orderly stop.
    if (Date.now() - firstSignalAt > 500) process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const io = { env: process.env, write: (text: string) => process.stdout.write(text) };
  // On a broker: a producer process and its workers (src/kafka/); they print their own totals.
  if (options.broker) return runKafkaDemoCli(options, { ...io, signal: stop.signal });
  const result = await runDemoCli(options, {
    env: process.env,
    write: (text) => process.stdout.write(text),
    signal: stop.signal,
    // On a terminal the live view redraws one screen in place, fitted to the window.
    ...(process.stdout.isTTY
      ? { terminal: { columns: () => process.stdout.columns, rows: () => process.stdout.rows } }
      : {}),
  });
  process.stdout.write(
    `produced ${result.produced}, received ${result.received}, processed ${result.processed}, ` +
      `duplicates ${result.duplicates}, late ${result.late} (dropped ${result.droppedLate}), ` +
      `poison ${result.droppedPoison}, windows emitted ${result.windowsEmitted}\n`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `demo-processor: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
