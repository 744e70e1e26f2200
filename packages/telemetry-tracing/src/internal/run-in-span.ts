import { type Context, context, type Span, trace } from '@opentelemetry/api';
import { recordException } from '../record-exception.js';

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function fail(span: Span, error: unknown): never {
  recordException(span, error);
  span.end();
  throw error;
}

/**
 * Runs `fn(span)` with `span` active on top of `parentContext`, then ends the span: at once for
 * a plain value, when it settles for a promise. A throw or rejection is recorded on the span
 * (ERROR status) and rethrown unchanged.
 */
export function runInSpan<T>(span: Span, parentContext: Context, fn: (span: Span) => T): T {
  let result: T;
  try {
    result = context.with(trace.setSpan(parentContext, span), fn, undefined, span);
  } catch (error) {
    return fail(span, error);
  }
  if (!isPromiseLike(result)) {
    span.end();
    return result;
  }
  return Promise.resolve(result).then(
    (value) => {
      span.end();
      return value;
    },
    (error: unknown) => fail(span, error),
  ) as T;
}
