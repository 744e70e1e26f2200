// The per-event cost of our helpers against the raw OpenTelemetry API calls they stand for, on
// the same real SDK tracer provider (AlwaysOn, no exporter: the cost measured is the span's).
// Run: `pnpm bench` (builds first).
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  TraceFlags,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { AlwaysOnSampler, BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { extractFromHeaders, injectIntoHeaders } from '@proc/telemetry-context';
import { spanBuilder, withSpan } from '@proc/telemetry-tracing';
import { compare, printRows } from './lib/compare.mjs';

context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
propagation.setGlobalPropagator(new W3CTraceContextPropagator());
const provider = new BasicTracerProvider({ sampler: new AlwaysOnSampler() });
trace.setGlobalTracerProvider(provider);
const tracer = provider.getTracer('bench');

const attributes = {
  'messaging.system': 'kafka',
  'messaging.destination.name': 'orders',
  'messaging.destination.partition.id': '3',
  'messaging.kafka.offset': 42,
  'processor.event.type': 'order',
};
const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const httpHeaders = { traceparent, 'content-type': 'application/json', 'x-request-id': 'abc' };
const kafkaHeaders = { traceparent: Buffer.from(traceparent), 'event-type': Buffer.from('order') };
const bufferGetter = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key]?.toString(),
};
const sampled = trace.setSpanContext(ROOT_CONTEXT, {
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  traceFlags: TraceFlags.SAMPLED,
});

const rows = [
  [
    'spanBuilder(tracer) 5 attributes start/end vs tracer.startSpan',
    compare(
      () => tracer.startSpan('process', { kind: SpanKind.CONSUMER, attributes }).end(),
      () =>
        spanBuilder('process', { tracer })
          .kind(SpanKind.CONSUMER)
          .attributes(attributes)
          .start()
          .end(),
    ),
  ],
  [
    'spanBuilder() global tracer vs trace.getTracer().startSpan',
    compare(
      () => trace.getTracer('bench').startSpan('process', { attributes }).end(),
      () => spanBuilder('process').attributes(attributes).start().end(),
    ),
  ],
  [
    'withSpan(tracer) vs tracer.startActiveSpan',
    compare(
      () => tracer.startActiveSpan('process', { attributes }, (span) => span.end()),
      () => withSpan('process', () => undefined, { tracer, attributes }),
    ),
  ],
  [
    'extractFromHeaders (HTTP headers) vs propagation.extract(context.active())',
    compare(
      () => propagation.extract(context.active(), httpHeaders),
      () => extractFromHeaders(httpHeaders),
    ),
  ],
  [
    'extractFromHeaders (Kafka Buffer headers) vs propagation.extract + Buffer getter',
    compare(
      () => propagation.extract(context.active(), kafkaHeaders, bufferGetter),
      () => extractFromHeaders(kafkaHeaders),
    ),
  ],
  [
    'injectIntoHeaders vs propagation.inject',
    compare(
      () => context.with(sampled, () => propagation.inject(context.active(), {})),
      () => context.with(sampled, () => injectIntoHeaders({})),
    ),
  ],
];
printRows('Hot path: ours / raw OpenTelemetry API (lower is better; 1.00× = same cost)', rows);
await provider.shutdown();
