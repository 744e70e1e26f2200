import type { ContextManager } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';

/**
 * Creates an enabled `AsyncLocalStorage` context manager, the one the context follows `await`,
 * timers and callbacks with. It is not registered: the umbrella calls
 * `context.setGlobalContextManager()` with it.
 */
export function createContextManager(): ContextManager {
  return new AsyncLocalStorageContextManager().enable();
}
