import { e2eStack } from './support/e2e-stack.js';

/** Stops every process of the e2e stack, whatever the tests did. */
export default async function globalTeardown(): Promise<void> {
  await e2eStack((line) => process.stdout.write(`stack: ${line}\n`)).down();
}
