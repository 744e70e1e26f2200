#!/usr/bin/env node
// Bin `otlp-receiver`: everything but signal handling lives in ./cli/run.ts.
import { runReceiverCli } from './cli/run.js';

runReceiverCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  ({ exitCode, running }) => {
    if (!running) {
      process.exitCode = exitCode;
      return;
    }
    const stop = () => {
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (error: unknown) => {
    process.stderr.write(
      `otlp-receiver: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
