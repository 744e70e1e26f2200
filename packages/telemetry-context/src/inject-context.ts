import { type Context, context as contextApi, propagation } from '@opentelemetry/api';
import { headerCarrier } from './header-carrier.js';
import type { HeaderCarrier, PropagationOptions } from './types.js';

/**
 * Writes `ctx` (default: the active context) into `carrier` with the global propagator or
 * `options.propagator`, and returns the carrier.
 */
export function injectContext<C extends HeaderCarrier>(
  carrier: C,
  ctx: Context = contextApi.active(),
  options: PropagationOptions = {},
): C {
  const propagator = options.propagator ?? propagation;
  propagator.inject(ctx, carrier, headerCarrier);
  return carrier;
}

/**
 * Injects the active context into `headers` (default: a new object) and returns them, ready for
 * `fetch`, `http.request` or a message.
 */
export function injectIntoHeaders<C extends HeaderCarrier = Record<string, string>>(
  headers?: C,
  options: PropagationOptions & { context?: Context } = {},
): C {
  return injectContext(headers ?? ({} as C), options.context, options);
}
