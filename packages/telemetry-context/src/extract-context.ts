import { type Context, context as contextApi, propagation } from '@opentelemetry/api';
import { extractWithGetter } from './header-getter-setter.js';
import { NO_OPTIONS } from './internal/no-options.js';
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
  const propagator = options.propagator ?? propagation;
  return extractWithGetter(propagator, ctx, carrier);
}

/** Reads the propagated context from `headers` on top of the active context. */
export function extractFromHeaders(
  headers: HeaderCarrier | null | undefined,
  options: HeadersOptions = NO_OPTIONS,
): Context {
  // Without options (the common call) neither is read: both are the defaults.
  const propagator = options === NO_OPTIONS ? propagation : (options.propagator ?? propagation);
  const ctx =
    options === NO_OPTIONS || options.context === undefined ? contextApi.active() : options.context;
  if (headers === null || headers === undefined) return ctx;
  return extractWithGetter(propagator, ctx, headers);
}
