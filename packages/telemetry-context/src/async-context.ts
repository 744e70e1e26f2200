import { type Context, context as contextApi } from '@opentelemetry/api';

/** Runs `fn` with `ctx` as the active context and returns its result (a promise stays in it too). */
export function withContext<A extends unknown[], R>(
  ctx: Context,
  fn: (...args: A) => R,
  ...args: A
): R {
  return contextApi.with(ctx, fn, undefined, ...args);
}

/**
 * Binds `target` to `ctx`: a function then always runs in `ctx`, and an `EventEmitter`'s listeners
 * (added before or after) run in `ctx` whatever context emits the event.
 */
export function bindContext<T>(ctx: Context, target: T): T {
  return contextApi.bind(ctx, target);
}

/**
 * Captures the active context now and returns `fn` bound to it, for work that runs later
 * elsewhere: a timer, a queue consumer, a worker pool task, an event listener.
 * @typeParam F - the function's type, kept as is.
 */
export function propagateContext<F extends (...args: never[]) => unknown>(fn: F): F {
  return contextApi.bind(contextApi.active(), fn);
}
