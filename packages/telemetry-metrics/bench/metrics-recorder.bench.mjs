// Cost of a MetricsRecorder call relative to the raw instrument call it wraps, on a real SDK
// MeterProvider (in-memory reader, no export during the run), and cost of keeping exemplars: an
// instrument of initMeterProvider()'s meter against the same instrument of the SDK's own meter.
// Reported as ratios, never asserted: absolute numbers depend on the machine. Run: `pnpm bench`
// (builds first).
import { context, TraceFlags, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import { defaultTelemetryConfig } from '@proc/telemetry-config';
import { createMetricsRecorder, initMeterProvider } from '../dist/esm/index.js';

const ITERATIONS = 200_000;
const ROUNDS = 11;

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

// The same through initMeterProvider with OTLP, whose meters offer exemplars (trace_based). The
// endpoint is a closed loopback port: nothing is exported during the run.
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const otlpConfig = defaultTelemetryConfig().metrics;
otlpConfig.exportIntervalMillis = 3_600_000;
otlpConfig.export.endpoint = 'http://127.0.0.1:9/v1/metrics';
const exemplarHandle = initMeterProvider(otlpConfig);
const exemplarMeter = exemplarHandle.getMeter('bench');
const exemplarRecorder = createMetricsRecorder({ meter: exemplarMeter, commonAttributes: common });
const exemplarCounter = exemplarMeter.createCounter('bench.raw.counter');
const exemplarHistogram = exemplarMeter.createHistogram('bench.raw.histogram');
const sampled = trace.setSpanContext(context.active(), {
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  traceFlags: TraceFlags.SAMPLED,
});
/** `fn` run with a sampled span active, as in a traced message handler. */
const inSpan = (fn) => (i) => context.with(sampled, fn, undefined, i);

function time(fn) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ITERATIONS; i++) fn(i);
  return Number(process.hrtime.bigint() - start) / ITERATIONS;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median ns/call of both functions and of their ratio; rounds alternate which one runs first. */
function compare(baseline, measured) {
  time(baseline); // warm-up
  time(measured);
  const rawNs = [];
  const recorderNs = [];
  const ratios = [];
  for (let round = 0; round < ROUNDS; round++) {
    let r;
    let v;
    if (round % 2 === 0) {
      r = time(baseline);
      v = time(measured);
    } else {
      v = time(measured);
      r = time(baseline);
    }
    rawNs.push(r);
    recorderNs.push(v);
    ratios.push(v / r);
  }
  return { baselineNs: median(rawNs), measuredNs: median(recorderNs), ratio: median(ratios) };
}

const cases = [
  [
    'counter, common attributes only',
    () => rawCounter.add(1, common),
    () => recorder.recordCounter('bench.recorder.counter', 1),
  ],
  [
    'counter, common + per-call attributes',
    () => rawCounter.add(1, { ...common, ...perCall }),
    () => recorder.recordCounter('bench.recorder.counter', 1, perCall),
  ],
  [
    'counter, per-call vs. a pre-merged raw object',
    () => rawCounter.add(1, merged),
    () => recorder.recordCounter('bench.recorder.counter', 1, perCall),
  ],
  [
    'histogram, common attributes only',
    (i) => rawHistogram.record(i % 100, common),
    (i) => recorder.recordHistogram('bench.recorder.histogram', i % 100),
  ],
  [
    'exemplars on vs. off, counter, no span active',
    () => rawCounter.add(1, common),
    () => exemplarCounter.add(1, common),
  ],
  [
    'exemplars on vs. off, counter, sampled span active',
    inSpan(() => rawCounter.add(1, common)),
    inSpan(() => exemplarCounter.add(1, common)),
  ],
  [
    'exemplars on vs. off, histogram + per-call attributes, sampled span',
    inSpan((i) => rawHistogram.record(i % 100, { ...common, ...perCall })),
    inSpan((i) => exemplarHistogram.record(i % 100, { ...common, ...perCall })),
  ],
  [
    'exemplars on, recorder vs. raw, histogram, sampled span',
    inSpan((i) => exemplarHistogram.record(i % 100, common)),
    inSpan((i) => exemplarRecorder.recordHistogram('bench.raw.histogram', i % 100)),
  ],
];

const rows = cases.map(([name, baseline, measured]) => {
  const { baselineNs, measuredNs, ratio } = compare(baseline, measured);
  return {
    case: name,
    'baseline ns/call': baselineNs.toFixed(0),
    'measured ns/call': measuredNs.toFixed(0),
    'measured / baseline': ratio.toFixed(2),
  };
});
console.table(rows);
await provider.shutdown();
await exemplarHandle.shutdown({ timeoutMillis: 1_000 });
context.disable();
