import { context, propagation, trace } from '@opentelemetry/api';
import {
  createContextManager,
  createPropagator,
  extractFromHeaders,
  getBaggage,
  injectIntoHeaders,
  setBaggage,
} from '@proc/telemetry-context';

// initTelemetry() registers these two; alone, you do.
context.setGlobalContextManager(createContextManager());
propagation.setGlobalPropagator(createPropagator(['tracecontext', 'baggage']));

const parent = trace.setSpanContext(context.active(), {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  traceFlags: 1,
});
const outgoing = setBaggage(parent, [{ key: 'tenant', value: 'acme' }]);

// Producer: the headers of an outgoing message or request.
const headers = context.with(outgoing, () => injectIntoHeaders({}));
console.log('traceparent', headers.traceparent);

// Consumer: the context of an incoming one.
const incoming = extractFromHeaders(headers);
console.log('trace id', trace.getSpanContext(incoming)?.traceId);
console.log('baggage', JSON.stringify(getBaggage(incoming)));
