import type { TextMapPropagator } from '@opentelemetry/api';
import { CompositePropagator } from '@opentelemetry/core';
import { B3InjectEncoding, B3Propagator } from '@opentelemetry/propagator-b3';
import { JaegerPropagator } from '@opentelemetry/propagator-jaeger';
import type { PropagatorName } from '@proc/telemetry-config';
import { createBaggagePropagator } from './internal/baggage-propagator.js';
import { logger } from './internal/diag.js';
import { createTraceContextPropagator } from './internal/trace-context-propagator.js';

const FACTORIES: Record<Exclude<PropagatorName, 'none'>, () => TextMapPropagator> = {
  tracecontext: createTraceContextPropagator,
  baggage: createBaggagePropagator,
  b3: () => new B3Propagator({ injectEncoding: B3InjectEncoding.SINGLE_HEADER }),
  b3multi: () => new B3Propagator({ injectEncoding: B3InjectEncoding.MULTI_HEADER }),
  jaeger: () => new JaegerPropagator(),
};

const ACCEPTED = [...Object.keys(FACTORIES), 'none'].join(', ');

/**
 * Builds the propagator for the configured names (`TelemetryConfig.propagators`,
 * `OTEL_PROPAGATORS`), composed in the given order: on extraction a later propagator wins where two
 * set the same thing. `tracecontext` and `baggage` are W3C Trace Context Level 1 and W3C Baggage
 * (stricter than `@opentelemetry/core`'s, see the README); `b3` is B3 single-header, `b3multi` the
 * `X-B3-*` headers (both extract either form), `jaeger` is `uber-trace-id`. `none` alone, or an
 * empty list, gives a propagator that does nothing. Duplicates are ignored.
 *
 * It does not register anything: `propagation.setGlobalPropagator()` is the umbrella's job.
 * Throws a `TypeError` on an unknown name.
 */
export function createPropagator(propagators: readonly PropagatorName[]): TextMapPropagator {
  const names = [...new Set(propagators)];
  for (const name of names) {
    if (!(name === 'none' || Object.hasOwn(FACTORIES, name))) {
      throw new TypeError(
        `@proc/telemetry-context: unknown propagator ${JSON.stringify(name)}; accepted: ${ACCEPTED}`,
      );
    }
  }
  const active = names.filter((name): name is Exclude<PropagatorName, 'none'> => name !== 'none');
  if (active.length > 0 && names.includes('none')) {
    logger.warn('propagator "none" is ignored next to other propagators');
  }
  return new CompositePropagator({ propagators: active.map((name) => FACTORIES[name]()) });
}
