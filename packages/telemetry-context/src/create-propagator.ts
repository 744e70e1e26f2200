import { createRequire } from 'node:module';
import type { TextMapPropagator } from '@opentelemetry/api';
import { CompositePropagator } from '@opentelemetry/core';
import {
  missingPeerMessage,
  type OptionalPeer,
  type PropagatorName,
  requireOptionalPeer,
} from '@proc/telemetry-config';
import { createBaggagePropagator } from './internal/baggage-propagator.js';
import { logger } from './internal/diag.js';
import { createTraceContextPropagator } from './internal/trace-context-propagator.js';

// B3 and Jaeger are optional peers, required when a configuration names them: they pin
// @opentelemetry/core exactly, so as dependencies they would duplicate a user's newer SDK even
// unused. The ESM build gets `createRequire(import.meta.url)` here
// (tooling/typescript/mark-dist.cjs).
const requireFromHere = createRequire(__filename);

type B3Module = typeof import('@opentelemetry/propagator-b3');
type JaegerModule = typeof import('@opentelemetry/propagator-jaeger');

/** The optional peer `peer`, or an error naming it and the propagator that needs it. */
function loadPeer<T>(peer: OptionalPeer): T {
  const loaded = requireOptionalPeer<T>(requireFromHere, peer.name);
  if (loaded === undefined) {
    throw new Error(`@proc/telemetry-context: ${missingPeerMessage(peer)}`);
  }
  return loaded;
}

function b3(name: 'b3' | 'b3multi'): B3Module {
  return loadPeer<B3Module>({
    name: '@opentelemetry/propagator-b3',
    range: '^2.12.0',
    neededFor: `propagators includes "${name}"`,
  });
}

const FACTORIES: Record<Exclude<PropagatorName, 'none'>, () => TextMapPropagator> = {
  tracecontext: createTraceContextPropagator,
  baggage: createBaggagePropagator,
  b3: () => {
    const { B3Propagator, B3InjectEncoding } = b3('b3');
    return new B3Propagator({ injectEncoding: B3InjectEncoding.SINGLE_HEADER });
  },
  b3multi: () => {
    const { B3Propagator, B3InjectEncoding } = b3('b3multi');
    return new B3Propagator({ injectEncoding: B3InjectEncoding.MULTI_HEADER });
  },
  jaeger: () => {
    const { JaegerPropagator } = loadPeer<JaegerModule>({
      name: '@opentelemetry/propagator-jaeger',
      range: '^2.12.0',
      neededFor: 'propagators includes "jaeger"',
    });
    return new JaegerPropagator();
  },
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
 * Throws a `TypeError` on an unknown name, and an `Error` naming the package to install when
 * `b3`/`b3multi` (`@opentelemetry/propagator-b3`) or `jaeger` (`@opentelemetry/propagator-jaeger`,
 * both optional peer dependencies) is named but not installed.
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
