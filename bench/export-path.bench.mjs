// The export path under load, ours (initTracerProvider) against the raw SDK (BasicTracerProvider
// + BatchSpanProcessor + the OTLP exporter of the protocol), both sending to the same real OTLP
// receiver on 127.0.0.1 with the same batch settings. Rounds alternate which runs first.
// Run: `pnpm bench` (builds first).
import { OTLPTraceExporter as GrpcTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import {
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { defaultTelemetryConfig } from '@proc/telemetry-config';
import { startOtlpReceiver } from '@proc/telemetry-testing';
import { initTracerProvider } from '@proc/telemetry-tracing';
import { quick } from './lib/harness.mjs';
import { reportSuite } from './lib/suite-report.mjs';

const ROUNDS = quick ? 1 : 3;
const PRODUCE_MILLIS = quick ? 1000 : 3000;
const BURST = 100_000;
/** The settings the performance issue measured with: batch 512, queue 8192, delay 200 ms. */
const BATCH = { maxExportBatchSize: 512, maxQueueSize: 8192, scheduledDelayMillis: 200 };
const attributes = { 'event.id': 'e-1', 'event.type': 'order', partition: 3, offset: 42, ok: true };

const receiver = await startOtlpReceiver();
const endpointOf = (protocol) =>
  protocol === 'grpc' ? receiver.grpcUrl : `${receiver.httpUrl}/v1/traces`;

function raw(protocol) {
  const url = endpointOf(protocol);
  const exporter =
    protocol === 'grpc' ? new GrpcTraceExporter({ url }) : new ProtoTraceExporter({ url });
  const provider = new BasicTracerProvider({
    sampler: new AlwaysOnSampler(),
    spanProcessors: [new BatchSpanProcessor(exporter, { ...BATCH, exportTimeoutMillis: 30_000 })],
  });
  return { tracer: provider.getTracer('bench'), shutdown: () => provider.shutdown() };
}

function ours(protocol) {
  const base = defaultTelemetryConfig().traces;
  const handle = initTracerProvider({
    ...base,
    sampler: { type: 'always_on', ratio: 1 },
    batch: { ...base.batch, ...BATCH },
    export: { ...base.export, protocol, endpoint: endpointOf(protocol) },
  });
  return {
    tracer: handle.getTracer('bench'),
    shutdown: () => handle.shutdown({ timeoutMillis: 30_000 }),
  };
}

/** Makes spans as fast as it can for PRODUCE_MILLIS, yielding every 1000 so exports progress. */
async function fullSpeed(setup) {
  const { tracer, shutdown } = setup;
  let made = 0;
  const end = Date.now() + PRODUCE_MILLIS;
  while (Date.now() < end) {
    for (let i = 0; i < 1000; i++) tracer.startSpan('process event', { attributes }).end();
    made += 1000;
    await new Promise((resolve) => setImmediate(resolve));
  }
  const producedMillis = PRODUCE_MILLIS;
  await shutdown();
  return { made, delivered: receiver.spans().length, producedMillis };
}

/** Makes BURST spans in one synchronous loop, then shuts down. */
async function burst(setup) {
  for (let i = 0; i < BURST; i++) setup.tracer.startSpan('burst', { attributes }).end();
  await setup.shutdown();
  return { made: BURST, delivered: receiver.spans().length };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(name, run) {
  const results = { raw: [], ours: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ['raw', 'ours'] : ['ours', 'raw'];
    for (const impl of order) {
      receiver.clear();
      results[impl].push(await run(impl));
    }
  }
  return [name, results];
}

const rows = [];
for (const protocol of ['http/protobuf', 'grpc']) {
  rows.push(
    await measure(`full-speed producer, ${protocol}`, (impl) =>
      fullSpeed(impl === 'raw' ? raw(protocol) : ours(protocol)),
    ),
  );
  rows.push(
    await measure(`${BURST} spans in one synchronous burst, ${protocol}`, (impl) =>
      burst(impl === 'raw' ? raw(protocol) : ours(protocol)),
    ),
  );
}
await receiver.stop();

const suiteRows = [];
for (const [name, { raw: r, ours: o }] of rows) {
  const ratios = r.map((x, i) => o[i].delivered / Math.max(1, x.delivered));
  const pick = (list) => list.find((x) => x.delivered === median(list.map((y) => y.delivered)));
  const rm = pick(r);
  const om = pick(o);
  const pct = (x) => `${x.delivered} of ${x.made} (${((100 * x.delivered) / x.made).toFixed(0)}%)`;
  suiteRows.push({
    case: name,
    baseline: 'BatchSpanProcessor + OTLP exporter',
    unit: 'spans delivered',
    better: 'higher',
    baselineValue: rm.delivered,
    candidateValue: om.delivered,
    ratio: median(ratios),
    low: Math.min(...ratios),
    high: Math.max(...ratios),
    rounds: ROUNDS,
    detail: `raw ${pct(rm)}, ours ${pct(om)}`,
  });
}
reportSuite({
  id: 'export-path',
  title: 'Export path: delivered spans, ours vs the raw SDK (higher is better)',
  rows: suiteRows,
});
