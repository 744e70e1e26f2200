import { type Context, context as contextApi } from '@opentelemetry/api';
import { headerSetterFor, injectIntoNewRecord } from './header-getter-setter.js';
import { contextOf, NO_OPTIONS, propagatorOf } from './internal/no-options.js';
import type { HeaderCarrier, HeadersOptions, PropagationOptions } from './types.js';

/**
 * Writes `ctx` (default: the active context) into `carrier` with the global propagator or
 * `options.propagator`, and returns the carrier.
 */
export function injectContext<C extends HeaderCarrier>(
  carrier: C,
  ctx: Context = contextApi.active(),
  options: PropagationOptions = NO_OPTIONS,
): C {
  propagatorOf(options).inject(ctx, carrier, headerSetterFor(carrier));
  return carrier;
}

/**
 * Injects the active context (or `options.context`) into `headers` (default: a new object) and
 * returns them, ready for `fetch`, `http.request` or a message.
 */
export function injectIntoHeaders(
  headers?: undefined,
  options?: HeadersOptions,
): Record<string, string>;
export function injectIntoHeaders<C extends HeaderCarrier>(headers: C, options?: HeadersOptions): C;
export function injectIntoHeaders(
  headers?: HeaderCarrier,
  options: HeadersOptions = NO_OPTIONS,
): HeaderCarrier {
  const propagator = propagatorOf(options);
  const ctx = contextOf(options);
  if (headers === undefined || headers === null) return injectIntoNewRecord(propagator, ctx);
  propagator.inject(ctx, headers, headerSetterFor(headers));
  return headers;
}
