import path from 'node:path';
import { findRepoRoot } from './paths.js';
import { createStack, type Stack } from './stack.js';

/**
 * The end-to-end tests' own stack: state under .stack/e2e/ and every port moved by 1000, so a
 * stack started with `pnpm stack up` (or a demo on 4317/4318) is never touched. The binaries in
 * .stack/bin are shared: built by whichever comes first.
 */
export const E2E_PORT_OFFSET = 1000;

export function e2eStack(log: (line: string) => void = () => {}): Stack {
  return createStack({
    portOffset: E2E_PORT_OFFSET,
    stateDir: path.join(findRepoRoot(), '.stack', 'e2e'),
    log,
  });
}
