import type { ResultSink, WindowResult } from './types.js';

/** A sink that keeps every result, for tests and the final summary. */
export function createMemorySink(): ResultSink & { readonly results: WindowResult[] } {
  const results: WindowResult[] = [];
  return {
    results,
    emit(result) {
      results.push(result);
    },
  };
}

/** A sink that forwards each result to several sinks. */
export function teeSink(...sinks: ResultSink[]): ResultSink {
  return {
    emit(result) {
      for (const sink of sinks) sink.emit(result);
    },
  };
}
