// Suite 2, metric cost: a MetricsRecorder call against the raw instrument call it wraps, on a
// real SDK MeterProvider (in-memory reader, nothing exported during the run); exemplars on
// (initMeterProvider()'s meters with OTLP: trace_based) against off; and a recorder counter
// inside a sampled span with exemplars on, against the raw SDK counter in the same span.
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { AlwaysOnSampler, BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { defaultTelemetryConfig } from '@proc/telemetry-config';
import {
  createExemplarSpanProcessor,
  createMetricsRecorder,
  initMeterProvider,
} from '@proc/telemetry-metrics';
import { compareCalls } from './lib/harness.mjs';
import { reportSuite } from './lib/suite-report.mjs';

context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());

const reader = new PeriodicExportingMetricReader({
  exporter: new InMemoryMetricExporter(0),
  exportIntervalMillis: 3_600_000,
});
const provider = new MeterProvider({ readers: [reader] });
const meter = provider.getMeter('bench');

const common = {
  'service.name': 'orders',
  'pipeline.name': 'ingest',
  'processor.name': 'dedup',
  'messaging.destination.partition.id': '3',
};
const perCall = { 'processor.event.type': 'order' };
const merged = { ...common, ...perCall };
const recorder = createMetricsRecorder({ meter, commonAttributes: common });
const rawCounter = meter.createCounter('bench.raw.counter');
const rawHistogram = meter.createHistogram('bench.raw.histogram');

// initMeterProvider with OTLP, whose meters offer exemplars (trace_based). The endpoint is a
// closed loopback port: nothing is exported during the run.
const otlpConfig = defaultTelemetryConfig().metrics;
otlpConfig.exportIntervalMillis = 3_600_000;
otlpConfig.export.endpoint = 'http://127.0.0.1:9/v1/metrics';
const exemplarHandle = initMeterProvider(otlpConfig);
const exemplarMeter = exemplarHandle.getMeter('bench');
const exemplarRecorder = createMetricsRecorder({ meter: exemplarMeter, commonAttributes: common });
const exemplarCounter = exemplarMeter.createCounter('bench.raw.counter');
const exemplarHistogram = exemplarMeter.createHistogram('bench.raw.histogram');

// A real sampled span, open for the whole run, from a provider set up as initTelemetry() does
// (with the processor that puts exemplar times on the span's clock).
const tracerProvider = new BasicTracerProvider({
  sampler: new AlwaysOnSampler(),
  spanProcessors: [createExemplarSpanProcessor()],
});
const span = tracerProvider.getTracer('bench').startSpan('process event');
const sampled = trace.setSpan(context.active(), span);
/** `fn` run with a sampled span active, as in a traced message handler. */
const inSpan = (fn) => () => context.with(sampled, fn);

let i = 0;
const next = () => {
  i = (i + 1) % 100;
  return i;
};

const cases = [
  [
    'recorder counter, common attributes only',
    'counter.add(1, common)',
    () => rawCounter.add(1, common),
    () => recorder.recordCounter('bench.recorder.counter', 1),
  ],
  [
    'recorder counter, common + per-call attributes',
    'counter.add(1, { ...common, ...perCall })',
    () => rawCounter.add(1, { ...common, ...perCall }),
    () => recorder.recordCounter('bench.recorder.counter', 1, perCall),
  ],
  [
    'recorder counter, per-call attributes',
    'counter.add(1, preMerged)',
    () => rawCounter.add(1, merged),
    () => recorder.recordCounter('bench.recorder.counter', 1, perCall),
  ],
  [
    'recorder histogram, common attributes only',
    'histogram.record(v, common)',
    () => rawHistogram.record(next(), common),
    () => recorder.recordHistogram('bench.recorder.histogram', next()),
  ],
  [
    'exemplars on, counter, no span active',
    'the same counter, exemplars off',
    () => rawCounter.add(1, common),
    () => exemplarCounter.add(1, common),
  ],
  [
    'exemplars on, counter, sampled span active',
    'the same counter, exemplars off',
    inSpan(() => rawCounter.add(1, common)),
    inSpan(() => exemplarCounter.add(1, common)),
  ],
  [
    'exemplars on, histogram + per-call attributes, sampled span',
    'the same histogram, exemplars off',
    inSpan(() => rawHistogram.record(next(), { ...common, ...perCall })),
    inSpan(() => exemplarHistogram.record(next(), { ...common, ...perCall })),
  ],
  [
    'recorder counter in a sampled span, exemplars on',
    'raw SDK counter.add(1, common) in the same span',
    inSpan(() => rawCounter.add(1, common)),
    inSpan(() => exemplarRecorder.recordCounter('bench.recorder.counter', 1)),
    { max: 1.25 },
  ],
  [
    'recorder counter in a sampled span, exemplars off',
    'raw SDK counter.add(1, common) in the same span',
    inSpan(() => rawCounter.add(1, common)),
    inSpan(() => recorder.recordCounter('bench.recorder.counter', 1)),
  ],
  [
    'recorder histogram in a sampled span, exemplars on',
    'raw SDK histogram.record(v, common) in the same span',
    inSpan(() => rawHistogram.record(next(), common)),
    inSpan(() => exemplarRecorder.recordHistogram('bench.recorder.histogram', next())),
  ],
];

const rows = [];
for (const [name, baseline, raw, ours, target] of cases) {
  rows.push({ case: name, baseline, target, ...(await compareCalls(raw, ours)) });
}
reportSuite({
  id: 'metric-cost',
  title: 'Suite 2: metric cost, ours / raw SDK instrument (lower is better)',
  description:
    'ns per call, a median over interleaved rounds. "Exemplars on" is a meter of `initMeterProvider()` with OTLP (filter `trace_based`); the span is a real sampled SDK span, open for the run.',
  rows,
});
span.end();
await provider.shutdown();
await tracerProvider.shutdown();
await exemplarHandle.shutdown({ timeoutMillis: 1_000 });
context.disable();
