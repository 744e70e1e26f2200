import {
  type Context,
  context as contextApi,
  propagation,
  type TextMapPropagator,
} from '@opentelemetry/api';
import type { HeadersOptions, PropagationOptions } from '../types.js';

/** The default options, one object rather than a new `{}` per call: propagation runs per message. */
export const NO_OPTIONS: HeadersOptions = Object.freeze({});

// Without options (the common call) neither option is read: both are the defaults.

/** `options.propagator`, or the global propagator. */
export function propagatorOf(options: PropagationOptions): TextMapPropagator {
  return options === NO_OPTIONS ? propagation : (options.propagator ?? propagation);
}

/** `options.context`, or the active context. */
export function contextOf(options: HeadersOptions): Context {
  return options === NO_OPTIONS || options.context === undefined
    ? contextApi.active()
    : options.context;
}
