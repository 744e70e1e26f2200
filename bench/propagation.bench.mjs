// Suite 3, propagation: extractFromHeaders / injectIntoHeaders through each carrier the project
// reads (Node IncomingHttpHeaders, fetch Headers, Kafka Buffer headers, {key, value} lists)
// against propagation.extract / inject with the W3C propagators (trace context + baggage) and the
// plain getter/setter a hand-written integration would use for that carrier.
import {
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  propagation,
  ROOT_CONTEXT,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  CompositePropagator,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import { createPropagator, extractFromHeaders, injectIntoHeaders } from '@proc/telemetry-context';
import { compareCalls } from './lib/harness.mjs';
import { reportSuite } from './lib/suite-report.mjs';

context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const sdkPropagator = new CompositePropagator({
  propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
});
propagation.setGlobalPropagator(sdkPropagator);
// What `initTelemetry()` registers by default (`OTEL_PROPAGATORS=tracecontext,baggage`): our W3C
// propagators. The "as installed" rows hand each side its propagator directly, so neither pays
// the API's global lookup and the rows compare what each propagator and carrier handling cost.
const installed = { propagator: createPropagator(['tracecontext', 'baggage']) };

const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
// As Node hands them to a request handler: lower-case names, a few unrelated headers.
const nodeHeaders = {
  host: 'orders.internal:8080',
  'user-agent': 'undici',
  accept: '*/*',
  'content-type': 'application/json',
  'content-length': '128',
  traceparent,
  'x-request-id': 'abc',
};
const fetchHeaders = new Headers(nodeHeaders);
const kafkaHeaders = {
  traceparent: Buffer.from(traceparent),
  'event-type': Buffer.from('order'),
  'schema-version': Buffer.from('3'),
};
const headerList = [
  { key: 'event-type', value: 'order' },
  { key: 'traceparent', value: traceparent },
  { key: 'schema-version', value: '3' },
];

const fetchGetter = { keys: (c) => [...c.keys()], get: (c, k) => c.get(k) ?? undefined };
const fetchSetter = { set: (c, k, v) => c.set(k, v) };
const bufferGetter = { keys: (c) => Object.keys(c), get: (c, k) => c[k]?.toString() };
const listGetter = {
  keys: (c) => c.map((h) => h.key),
  get: (c, k) => c.find((h) => h.key === k)?.value,
};
const listSetter = { set: (c, k, v) => c.push({ key: k, value: v }) };

const sampled = trace.setSpanContext(ROOT_CONTEXT, {
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  traceFlags: TraceFlags.SAMPLED,
});

const EXTRACT = { max: 1.1 };
const INJECT = { max: 1.05 };
const rows = [];
async function row(name, baseline, raw, ours, target) {
  rows.push({ case: name, baseline, target, ...(await compareCalls(raw, ours)) });
}

const extractCases = [
  ['Node IncomingHttpHeaders', nodeHeaders, defaultTextMapGetter],
  ['fetch Headers', fetchHeaders, fetchGetter],
  ['Kafka Buffer headers', kafkaHeaders, bufferGetter],
  ['{key, value} list', headerList, listGetter],
];
for (const [carrierName, carrier, getter] of extractCases) {
  await row(
    `extractFromHeaders, ${carrierName}`,
    'propagation.extract(context.active(), carrier, getter)',
    () => propagation.extract(context.active(), carrier, getter),
    () => extractFromHeaders(carrier),
    EXTRACT,
  );
}

for (const [carrierName, carrier, getter] of extractCases) {
  await row(
    `extractFromHeaders as installed, ${carrierName}`,
    'the SDK propagators: extract(context.active(), carrier, getter)',
    () => sdkPropagator.extract(context.active(), carrier, getter),
    () => extractFromHeaders(carrier, installed),
    EXTRACT,
  );
}

// Inject with a sampled span context active, into a fresh carrier each call.
const injectCases = [
  ['new object', () => ({}), defaultTextMapSetter],
  ['fetch Headers', () => new Headers(), fetchSetter],
  ['{key, value} list', () => [], listSetter],
];
for (const [carrierName, make, setter] of injectCases) {
  await row(
    `injectIntoHeaders, ${carrierName}`,
    'propagation.inject(context.active(), carrier, setter)',
    () => context.with(sampled, () => propagation.inject(context.active(), make(), setter)),
    () => context.with(sampled, () => injectIntoHeaders(make())),
    INJECT,
  );
}
for (const [carrierName, make, setter] of injectCases) {
  await row(
    `injectIntoHeaders as installed, ${carrierName}`,
    'the SDK propagators: inject(context.active(), carrier, setter)',
    () => context.with(sampled, () => sdkPropagator.inject(context.active(), make(), setter)),
    () => context.with(sampled, () => injectIntoHeaders(make(), installed)),
    INJECT,
  );
}
await row(
  'injectIntoHeaders() (no argument: a new object)',
  'propagation.inject(context.active(), {})',
  () =>
    context.with(sampled, () => {
      const carrier = {};
      propagation.inject(context.active(), carrier);
      return carrier;
    }),
  () => context.with(sampled, () => injectIntoHeaders()),
  INJECT,
);
await row(
  'injectIntoHeaders() as installed (no argument: a new object)',
  'the SDK propagators: inject(context.active(), {}, setter)',
  () =>
    context.with(sampled, () => {
      const carrier = {};
      sdkPropagator.inject(context.active(), carrier, defaultTextMapSetter);
      return carrier;
    }),
  () => context.with(sampled, () => injectIntoHeaders(undefined, installed)),
  INJECT,
);

reportSuite({
  id: 'propagation',
  title:
    'Suite 3: propagation, ours / propagation.extract·inject with the W3C propagators (lower is better)',
  description:
    "ns per call, a median over interleaved rounds. The baseline uses the getter or setter a hand-written integration would pass for that carrier (case-sensitive, one spelling). Rows without \"as installed\" run both sides through the global propagator, the SDK's W3C trace context + baggage (`@opentelemetry/core`), so they measure our carrier handling alone; \"as installed\" rows give ours the W3C propagators `initTelemetry()` registers by default (`createPropagator(['tracecontext', 'baggage'])`) and the baseline the SDK's, each called directly.",
  rows,
});
