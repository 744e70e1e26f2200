// Suite 1, span cost: spanBuilder / withSpan / traced against the raw API calls they stand for,
// on the same real SDK tracer providers (no exporter: the cost measured is the span's), with the
// sampler on, off and at 10%, with an explicit tracer and with the global one; then the whole
// initTelemetry() pipeline against a raw BasicTracerProvider + BatchSpanProcessor, both ending in
// a discarding exporter.
import { context, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { ExportResultCode } from '@opentelemetry/core';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-base';
import { initTelemetry } from '@proc/telemetry';
import { spanBuilder, traced, withSpan } from '@proc/telemetry-tracing';
import { compareCalls } from './lib/harness.mjs';
import { reportSuite } from './lib/suite-report.mjs';

context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const samplers = {
  'sampler on': new AlwaysOnSampler(),
  'sampler off': new AlwaysOffSampler(),
  '10% sampling': new TraceIdRatioBasedSampler(0.1),
};
const providers = Object.fromEntries(
  Object.entries(samplers).map(([name, sampler]) => [name, new BasicTracerProvider({ sampler })]),
);
trace.setGlobalTracerProvider(providers['sampler on']);

// What a handler holds per message: an object built per call (its offset changes), on both
// sides; traced() takes its attributes once, when wrapping, so its rows keep one object.
let offset = 0;
const attributesOfMessage = () => ({
  'messaging.system': 'kafka',
  'messaging.destination.name': 'orders',
  'messaging.destination.partition.id': '3',
  'messaging.kafka.offset': offset++,
  'processor.event.type': 'order',
});
const attributes = attributesOfMessage();
const work = (span) => span;
const ON = { max: 1.05 };

const rows = [];
async function row(name, baseline, raw, ours, target) {
  rows.push({ case: name, baseline, target, ...(await compareCalls(raw, ours)) });
}

for (const [samplerName, provider] of Object.entries(providers)) {
  const tracer = provider.getTracer('bench');
  const target = samplerName === 'sampler on' ? ON : undefined;
  await row(
    `spanBuilder(tracer) 5 attributes start/end, ${samplerName}`,
    'tracer.startSpan',
    () =>
      tracer
        .startSpan('process', { kind: SpanKind.CONSUMER, attributes: attributesOfMessage() })
        .end(),
    () =>
      spanBuilder('process', { tracer })
        .kind(SpanKind.CONSUMER)
        .attributes(attributesOfMessage())
        .start()
        .end(),
    target,
  );
  await row(
    `withSpan(tracer), ${samplerName}`,
    'tracer.startActiveSpan',
    () =>
      tracer.startActiveSpan('process', { attributes: attributesOfMessage() }, (span) => {
        const result = work(span);
        span.end();
        return result;
      }),
    () => withSpan('process', work, { tracer, attributes: attributesOfMessage() }),
    target,
  );
}

const globalTracer = () => trace.getTracer('bench');
await row(
  'spanBuilder() global tracer, 5 attributes, sampler on',
  'trace.getTracer().startSpan',
  () =>
    globalTracer()
      .startSpan('process', { kind: SpanKind.CONSUMER, attributes: attributesOfMessage() })
      .end(),
  () =>
    spanBuilder('process').kind(SpanKind.CONSUMER).attributes(attributesOfMessage()).start().end(),
  ON,
);
await row(
  'withSpan() global tracer, sampler on',
  'trace.getTracer().startActiveSpan',
  () =>
    globalTracer().startActiveSpan('process', { attributes: attributesOfMessage() }, (span) => {
      const result = work(span);
      span.end();
      return result;
    }),
  () => withSpan('process', work, { attributes: attributesOfMessage() }),
  ON,
);
const onTracer = providers['sampler on'].getTracer('bench');
const tracedWork = traced('process', (x) => x + 1, { tracer: onTracer, attributes });
const rawWrapped = (x) =>
  onTracer.startActiveSpan('process', { attributes }, (span) => {
    const result = x + 1;
    span.end();
    return result;
  });
await row(
  'traced(fn, tracer) call, sampler on',
  'a function wrapping tracer.startActiveSpan',
  () => rawWrapped(1),
  () => tracedWork(1),
  ON,
);
const tracedGlobal = traced('process', (x) => x + 1, { attributes });
const rawGlobalWrapped = (x) =>
  globalTracer().startActiveSpan('process', { attributes }, (span) => {
    const result = x + 1;
    span.end();
    return result;
  });
await row(
  'traced(fn) global tracer call, sampler on',
  'a function wrapping trace.getTracer().startActiveSpan',
  () => rawGlobalWrapped(1),
  () => tracedGlobal(1),
  ON,
);

// The whole pipeline: initTelemetry() (its resource, exemplar-time processor and the SDK's
// self-telemetry) with the batch processor ending in a discarding exporter, against the raw SDK
// with the same processor and exporter.
const discarding = () => ({
  export: (_spans, done) => done({ code: ExportResultCode.SUCCESS }),
  shutdown: async () => {},
  forceFlush: async () => {},
});
const rawPipeline = new BasicTracerProvider({
  sampler: new AlwaysOnSampler(),
  spanProcessors: [new BatchSpanProcessor(discarding())],
});
const telemetry = await initTelemetry({
  config: {
    service: { name: 'bench' },
    traces: { exporter: 'none', sampler: { type: 'always_on' } },
    metrics: { exporter: 'none' },
    logs: { exporter: 'none' },
  },
  spanProcessors: [new BatchSpanProcessor(discarding())],
});
const rawPipelineTracer = rawPipeline.getTracer('bench');
const pipelineTracer = telemetry.tracer('bench');
await row(
  'initTelemetry() pipeline, spanBuilder(tracer) 5 attributes, discarding exporter',
  'BasicTracerProvider + BatchSpanProcessor, tracer.startSpan',
  () =>
    rawPipelineTracer
      .startSpan('process', { kind: SpanKind.CONSUMER, attributes: attributesOfMessage() })
      .end(),
  () =>
    spanBuilder('process', { tracer: pipelineTracer })
      .kind(SpanKind.CONSUMER)
      .attributes(attributesOfMessage())
      .start()
      .end(),
);
await row(
  'initTelemetry() pipeline, same raw call on both, discarding exporter',
  'BasicTracerProvider + BatchSpanProcessor',
  () => rawPipelineTracer.startSpan('process', { kind: SpanKind.CONSUMER, attributes }).end(),
  () => pipelineTracer.startSpan('process', { kind: SpanKind.CONSUMER, attributes }).end(),
);

reportSuite({
  id: 'span-cost',
  title: 'Suite 1: span cost, ours / raw SDK (lower is better)',
  description:
    'ns per span, a median over interleaved rounds (mitata samples per round). Sampler rows use their own BasicTracerProvider; "global" rows resolve the tracer through the API on every span (the baseline with `trace.getTracer()`, ours as `spanBuilder()` without a tracer does). Both sides build the 5 attributes per call, as a handler does for each message (the offset changes); `traced()` rows take them once, when wrapping.',
  rows,
});
await telemetry.shutdown();
await Promise.all(Object.values(providers).map((p) => p.shutdown()));
await rawPipeline.shutdown();
