#!/usr/bin/env node
// Bin `proc-telemetry`: everything but the process wiring lives in ./cli/run-cli.ts.
import { runCli } from './cli/run-cli.js';

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then((exitCode) => {
  process.exitCode = exitCode;
});
