import { context, type SpanContext, TraceFlags, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';

export const SAMPLED: SpanContext = {
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  traceFlags: TraceFlags.SAMPLED,
};

export const UNSAMPLED: SpanContext = {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  traceFlags: TraceFlags.NONE,
};

/** Registers an AsyncLocalStorage context manager; undo with `context.disable()`. */
export function enableTestContext(): void {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
}

/** Runs `fn` with a non-recording span of `spanContext` active. */
export function withSpanContext<T>(spanContext: SpanContext, fn: () => T): T {
  return context.with(trace.setSpanContext(context.active(), spanContext), fn);
}
