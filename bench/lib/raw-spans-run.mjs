// One run of the raw SDK making the spans and propagation the demo makes per event, and nothing
// else (run by processor-overhead.bench.mjs, a process of its own like lib/processor-run.mjs):
// the floor a span per message puts under the demo, written the way a raw SDK user would. Per
// message a producer root span (its attributes when it records) and a W3C inject into its
// headers; per batch of 128 a consumer span linked to every message's producer span (links
// extracted from the headers when it records) and a span per message under it. Exported over
// OTLP http/protobuf by the SDK's BatchSpanProcessor and exporter, its queue raised to hold
// every span as ours does (so both encode and send every span) and its exporter's concurrency limit
// with it, to the receiver in the parent.
// Prints one JSON line: events, wall and CPU time of the measured run.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const api = require('@opentelemetry/api');
const { AsyncLocalStorageContextManager } = require('@opentelemetry/context-async-hooks');
const {
  CompositePropagator,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} = require('@opentelemetry/core');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-proto');
const {
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
} = require('@opentelemetry/sdk-trace-base');

const { context, propagation, ROOT_CONTEXT, SpanKind, trace } = api;
const warmUpEvents = Number(process.env.BENCH_DEMO_WARMUP_EVENTS ?? 10_000);
const runEvents = Number(process.env.BENCH_DEMO_RUN_EVENTS ?? 20_000);
const ratio = Number(process.env.OTEL_TRACES_SAMPLER_ARG ?? '1');
const BATCH = 128;
const TOPIC = 'orders';
const TYPES = ['order_placed', 'payment_received', 'order_shipped', 'order_cancelled'];

context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
propagation.setGlobalPropagator(
  new CompositePropagator({
    propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
  }),
);
const processor = new BatchSpanProcessor(
  // The SDK's default of 30 concurrent exports rejects (and throws at shutdown, when the
  // processor flushes its whole queue at once) when the queue holds every span.
  new OTLPTraceExporter({
    url: `${process.env.OTEL_EXPORTER_OTLP_ENDPOINT}/v1/traces`,
    concurrencyLimit: 100_000,
  }),
  { maxQueueSize: 1_000_000, maxExportBatchSize: 512, scheduledDelayMillis: 200 },
);
const provider = new BasicTracerProvider({
  sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) }),
  spanProcessors: [processor],
});
const tracer = provider.getTracer('@proc/demo-processor');
const offsets = [0, 0, 0];

function send(i) {
  const partition = i % 3;
  const span = tracer.startSpan(`send ${TOPIC}`, { kind: SpanKind.PRODUCER, root: true });
  const type = TYPES[i % TYPES.length];
  if (span.isRecording()) {
    span.setAttributes({
      'messaging.system': 'in-process',
      'messaging.destination.name': TOPIC,
      'messaging.operation.name': 'send',
      'messaging.operation.type': 'send',
      'messaging.destination.partition.id': String(partition),
      'messaging.message.id': `evt-${i}`,
      'processor.event.type': type,
      'processor.event.redelivery': false,
    });
  }
  const headers = {};
  propagation.inject(trace.setSpan(context.active(), span), headers);
  const offset = offsets[partition]++;
  if (span.isRecording()) span.setAttribute('messaging.kafka.offset', offset);
  span.end();
  return { partition, offset, headers, id: `evt-${i}`, type };
}

function processBatch(messages) {
  const batch = tracer.startSpan(`process ${TOPIC}`, {
    kind: SpanKind.CONSUMER,
    attributes: {
      'messaging.system': 'in-process',
      'messaging.operation.name': 'process',
      'messaging.operation.type': 'process',
      'messaging.destination.name': TOPIC,
      'messaging.batch.message_count': messages.length,
    },
  });
  if (batch.isRecording()) {
    const links = [];
    for (const m of messages) {
      const producer = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, m.headers));
      if (producer && api.isSpanContextValid(producer)) {
        links.push({
          context: producer,
          attributes: {
            'messaging.destination.partition.id': String(m.partition),
            'messaging.kafka.offset': m.offset,
          },
        });
      }
    }
    batch.addLinks(links);
  }
  const batchContext = trace.setSpan(context.active(), batch);
  context.with(batchContext, () => {
    for (const m of messages) {
      const span = tracer.startSpan('process event', undefined, batchContext);
      if (span.isRecording()) {
        span.setAttribute('messaging.destination.partition.id', String(m.partition));
        span.setAttribute('messaging.kafka.offset', m.offset);
        span.setAttribute('messaging.message.id', m.id);
        span.setAttribute('processor.event.type', m.type);
        span.setAttribute('processor.window.id', `tumbling-${m.type}`);
      }
      span.end();
    }
  });
  batch.end();
}

/** `n` messages, produced and consumed in batches, yielding between batches as the demo does. */
async function run(n) {
  for (let i = 0; i < n; ) {
    const messages = [];
    for (let k = 0; k < BATCH && i < n; k++, i++) messages.push(send(i));
    processBatch(messages);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

await run(warmUpEvents);
const cpuBefore = process.cpuUsage();
const started = performance.now();
await run(runEvents);
const wallMillis = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
await provider.shutdown();
process.stdout.write(
  `${JSON.stringify({ events: runEvents, wallMillis, cpuMicros: cpu.user + cpu.system })}\n`,
);
