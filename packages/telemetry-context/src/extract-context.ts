import { type Context, context as contextApi } from '@opentelemetry/api';
import { extractWithGetter } from './header-getter-setter.js';
import { contextOf, NO_OPTIONS, propagatorOf } from './internal/no-options.js';
import type { HeaderCarrier, HeadersOptions, PropagationOptions } from './types.js';

/**
 * Reads the propagated context from `carrier` on top of `ctx` (default: the active context) with
 * the global propagator or `options.propagator`. Never throws: an invalid header is ignored.
 */
export function extractContext(
  carrier: HeaderCarrier | null | undefined,
  ctx: Context = contextApi.active(),
  options: PropagationOptions = NO_OPTIONS,
): Context {
  if (carrier === null || carrier === undefined) return ctx;
  return extractWithGetter(propagatorOf(options), ctx, carrier);
}

/** Reads the propagated context from `headers` on top of the active context. */
export function extractFromHeaders(
  headers: HeaderCarrier | null | undefined,
  options: HeadersOptions = NO_OPTIONS,
): Context {
  const ctx = contextOf(options);
  if (headers === null || headers === undefined) return ctx;
  return extractWithGetter(propagatorOf(options), ctx, headers);
}
