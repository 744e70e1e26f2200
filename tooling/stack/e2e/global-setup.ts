import { e2eStack } from './support/e2e-stack.js';

/** Starts the stack once for every e2e test file (building the binaries on first use). */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const stack = e2eStack((line) => process.stdout.write(`\nstack: ${line}`));
  await stack.up();
  process.stdout.write(`\nstack: up in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
