import { type Tracer, trace } from '@opentelemetry/api';

/** Instrumentation scope name of spans made by this package's helpers. */
export const TRACER_NAME = '@proc/telemetry-tracing';

/** The global API's tracer, looked up on each call so a provider registered later is used. */
export function defaultTracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}
