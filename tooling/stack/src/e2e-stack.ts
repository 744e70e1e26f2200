import path from 'node:path';
import { findRepoRoot } from './paths.js';
import { PORT_OFFSET_ENV, readPortOffset } from './ports.js';
import { createStack, type Stack } from './stack.js';

/**
 * The end-to-end tests' own stack: state under .stack/e2e/ and every port moved by 1000, so a
 * stack started with `pnpm stack up` (or a demo on 4317/4318) is never touched. The binaries in
 * .stack/bin are shared: built by whichever comes first.
 */
export const E2E_PORT_OFFSET = 1000;

/**
 * The e2e stack's port offset: `PROC_STACK_PORT_OFFSET` when it is set (a second checkout's
 * `PROC_STACK_PORT_OFFSET=3000 pnpm test:e2e` beside a first one's at +1000), else
 * {@link E2E_PORT_OFFSET}.
 */
export function e2ePortOffset(env: Record<string, string | undefined> = process.env): number {
  return env[PORT_OFFSET_ENV]?.trim() ? readPortOffset(env) : E2E_PORT_OFFSET;
}

export function e2eStack(log: (line: string) => void = () => {}): Stack {
  return createStack({
    portOffset: e2ePortOffset(),
    stateDir: path.join(findRepoRoot(), '.stack', 'e2e'),
    log,
  });
}
