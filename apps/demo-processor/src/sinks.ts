import type { ResultSink, WindowResult } from './types.js';

/** A sink that keeps every result, for tests (the demo has no downstream system). */
export function createMemorySink(): ResultSink & { readonly results: WindowResult[] } {
  const results: WindowResult[] = [];
  return {
    results,
    emit(result) {
      results.push(result);
    },
  };
}
