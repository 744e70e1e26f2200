import type { HeadersOptions } from '../types.js';

/** The default options, one object rather than a new `{}` per call: propagation runs per message. */
export const NO_OPTIONS: HeadersOptions = Object.freeze({});
