import type { Span } from '@opentelemetry/api';
import { spanBuilder } from './span-builder.js';
import type { SpanBuilder, WithSpanOptions } from './types.js';

function builderFor(name: string, options: WithSpanOptions): SpanBuilder {
  const builder = spanBuilder(name, options.tracer ? { tracer: options.tracer } : {});
  if (options.kind !== undefined) builder.kind(options.kind);
  if (options.attributes) builder.attributes(options.attributes);
  // A null entry is passed on, so the builder drops it with its warning rather than throwing here.
  for (const link of options.links ?? []) builder.link(link?.context, link?.attributes);
  if (options.startTime !== undefined) builder.startTime(options.startTime);
  if (options.parent) builder.parent(options.parent);
  if (options.root) builder.noParent();
  return builder;
}

/**
 * Runs `fn(span)` inside a new active span named `name` and returns its result (a value or a
 * promise). The span ends when `fn` returns or its promise settles; a throw or rejection is
 * recorded (exception event, ERROR status) and rethrown.
 *
 * @example
 * const total = withSpan('sum-window', (span) => { span.setAttribute(ATTR_PROCESSOR_WINDOW_ID, id); return sum(values) });
 */
export function withSpan<T>(name: string, fn: (span: Span) => T, options: WithSpanOptions = {}): T {
  return builderFor(name, options).startActive(fn);
}

/**
 * Wraps `fn` so that every call runs inside a new active span named `name`, with the error
 * semantics of `withSpan()`. `this` and the arguments are passed through; the span is reachable
 * inside with `trace.getActiveSpan()`.
 *
 * @example
 * const handle = traced('handle-event', async (event: Event) => store.save(event));
 */
export function traced<A extends unknown[], R>(
  name: string,
  fn: (...args: A) => R,
  options: WithSpanOptions = {},
): (...args: A) => R {
  // Built (and validated) once, when wrapping: startActive() makes a new span on every call.
  const builder = builderFor(name, options);
  return function tracedFunction(this: unknown, ...args: A): R {
    return builder.startActive(() => fn.apply(this, args));
  };
}
