// Suite 4, the export path under saturation: a producer at full speed for a fixed time, ours
// (initTracerProvider) against the raw SDK (BasicTracerProvider + BatchSpanProcessor + the OTLP
// exporter of the protocol), over http/protobuf, http/json and gRPC, to the same real OTLP
// receiver on 127.0.0.1; plus 100,000 spans made in one synchronous burst. Each run is a child
// process of its own, so its CPU and peak RSS are the producer's alone (the receiver, which
// decodes everything, stays in this process). Rounds alternate which side goes first.
// Run: `pnpm bench` (builds first); `pnpm bench --quick` (BENCH_QUICK=1) for a short run.
// The child side (`--child <json>`) is shared with collector-down.bench.mjs (suite 5).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { quick } from './lib/harness.mjs';
import { reportSuite } from './lib/suite-report.mjs';

const SELF = fileURLToPath(import.meta.url);
const attributes = { 'event.id': 'e-1', 'event.type': 'order', partition: 3, offset: 42, ok: true };
/** The settings the performance issue measured with: batch 512, queue 8192, delay 200 ms. */
const BATCH = { maxExportBatchSize: 512, maxQueueSize: 8192, scheduledDelayMillis: 200 };

// Re-exported for collector-down.bench.mjs, which shares the producer side.
export { quick } from './lib/harness.mjs';

// ---------------------------------------------------------------- child: one producer process

/** The raw SDK pipeline; export() calls are counted to know how many were ever in flight at once. */
async function rawPipeline(spec) {
  const { BasicTracerProvider, BatchSpanProcessor, AlwaysOnSampler } = await import(
    '@opentelemetry/sdk-trace-base'
  );
  let exporter;
  if (spec.protocol === 'grpc') {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-grpc');
    exporter = new OTLPTraceExporter({ url: spec.endpoint, timeoutMillis: spec.timeoutMillis });
  } else if (spec.protocol === 'http/protobuf') {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-proto');
    exporter = new OTLPTraceExporter({ url: spec.endpoint, timeoutMillis: spec.timeoutMillis });
  } else {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    exporter = new OTLPTraceExporter({ url: spec.endpoint, timeoutMillis: spec.timeoutMillis });
  }
  let inFlight = 0;
  let peakInFlight = 0;
  const exportSpans = exporter.export.bind(exporter);
  exporter.export = (spans, done) => {
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    exportSpans(spans, (result) => {
      inFlight--;
      done(result);
    });
  };
  // The SDK's OTLP/HTTP transport imports `node:http` at its first export (ours imports it with
  // the package): loaded now, so neither side's first export loads modules inside the measurement.
  if (spec.protocol !== 'grpc') await import('node:http');
  const provider = new BasicTracerProvider({
    sampler: new AlwaysOnSampler(),
    spanProcessors: [new BatchSpanProcessor(exporter, { ...BATCH, exportTimeoutMillis: 30_000 })],
  });
  return {
    tracer: provider.getTracer('bench'),
    // Bounded like ours: with the collector down the SDK's shutdown waits for every export's
    // timeout and then rejects.
    shutdown: () =>
      Promise.race([
        provider.shutdown().catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, spec.shutdownMillis).unref()),
      ]),
    // The SDK does not expose what its processor dropped.
    counts: () => ({ peakInFlight, counted: undefined }),
  };
}

async function oursPipeline(spec) {
  const { defaultTelemetryConfig } = await import('@proc/telemetry-config');
  const { initTracerProvider } = await import('@proc/telemetry-tracing');
  const { loadOtlpTransport } = await import('@proc/telemetry-otlp');
  const base = defaultTelemetryConfig().traces;
  const exportConfig = {
    ...base.export,
    protocol: spec.protocol,
    endpoint: spec.endpoint,
    timeoutMillis: spec.timeoutMillis,
    ...(spec.maxQueueBytes === undefined ? {} : { maxQueueBytes: spec.maxQueueBytes }),
    ...(spec.maxQueueBytesWhileFailing === undefined
      ? {}
      : { maxQueueBytesWhileFailing: spec.maxQueueBytesWhileFailing }),
  };
  // As initTelemetry() does at start-up: over gRPC it loads @grpc/grpc-js before the first export
  // (the raw gRPC exporter loads it when it is made), so that load is not inside the measurement.
  await loadOtlpTransport(exportConfig, 'traces.export');
  const handle = initTracerProvider({
    ...base,
    sampler: { type: 'always_on', ratio: 1 },
    batch: { ...base.batch, ...BATCH },
    export: exportConfig,
  });
  let report;
  return {
    tracer: handle.getTracer('bench'),
    shutdown: async () => {
      report = await handle.shutdown({ timeoutMillis: spec.shutdownMillis });
    },
    counts: () => {
      const counts = handle.exportCounts();
      return {
        peakInFlight: counts?.peakExportsInFlight ?? 0,
        // Everything not delivered that the report names: dropped by reason and failed.
        counted:
          report === undefined
            ? undefined
            : report.failed + Object.values(report.dropped).reduce((a, b) => a + b, 0),
      };
    },
  };
}

const mib = (bytes) => bytes / 1024 / 1024;

/** What the process holds, by kind, in MiB: for `memoryTrace` (where a growth of RSS sits). */
function memoryBreakdown(millis) {
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(
    v8.getHeapSpaceStatistics().map((space) => [space.space_name, mib(space.space_size)]),
  );
  return {
    seconds: millis / 1000,
    rss: mib(usage.rss),
    heapTotal: mib(usage.heapTotal),
    heapUsed: mib(usage.heapUsed),
    external: mib(usage.external),
    arrayBuffers: mib(usage.arrayBuffers),
    newSpace: spaces.new_space,
    oldSpace: spaces.old_space,
    codeSpace: spaces.code_space,
  };
}

/**
 * For `warmYoungGeneration`: grows V8's young generation to its largest and touches its pages
 * before start is measured, as an app that has run a while has it, then collects everything
 * this left (a full collection, so the old space is back where it was). A fresh process that
 * does nothing but export starts with a small young generation that V8 doubles once enough has
 * survived its collections (here 8 → 16 → 32 MiB), a step of 8–16 MiB that lands inside or
 * outside the measured window depending on what start-up left (docs/benchmarks.md, "Collector
 * down memory"). V8 grows it when the bytes surviving its scavenges since it last grew exceed
 * its size, so this keeps ~400 KB of small objects alive in a ring while it allocates ~300 MB
 * (a larger ring also fills the old space, and RSS keeps its pages after the collection).
 * Both sides run the same, so what grows after start is what each export path holds.
 */
function warmYoungGeneration() {
  const ring = new Array(4000);
  for (let i = 0; i < 3_000_000; i++)
    ring[i % ring.length] = { i, pair: [i, i + 1], name: `x${i}` };
  ring.fill(undefined);
  // A full collection without starting the child with --expose-gc (which would change both sides'
  // V8 flags for the whole run): the flag set now, `gc` taken from a new context.
  v8.setFlagsFromString('--expose-gc');
  vm.runInNewContext('gc')();
}

/** Runs one producer as `spec` says and reports what it made, cost and held. */
async function runChild(spec) {
  const setup = spec.impl === 'raw' ? await rawPipeline(spec) : await oursPipeline(spec);
  if (spec.warmYoungGeneration) warmYoungGeneration();
  const rss = { start: process.memoryUsage().rss, peak: 0, end: 0 };
  const memory = spec.memoryTrace ? [] : undefined;
  const traceStarted = performance.now();
  const traceMemory = () => memory?.push(memoryBreakdown(performance.now() - traceStarted));
  traceMemory();
  let tick = 0;
  const sampler = setInterval(() => {
    rss.peak = Math.max(rss.peak, process.memoryUsage().rss);
    if (++tick % 5 === 0) traceMemory();
  }, 100);
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  let made = 0;
  if (spec.mode === 'burst') {
    for (let i = 0; i < spec.spans; i++) setup.tracer.startSpan('burst', { attributes }).end();
    made = spec.spans;
  } else if (spec.mode === 'saturate') {
    // As fast as it can, yielding every 1000 spans so exports progress.
    const end = Date.now() + spec.millis;
    while (Date.now() < end) {
      for (let i = 0; i < 1000; i++) setup.tracer.startSpan('load', { attributes }).end();
      made += 1000;
      await new Promise((resolve) => setImmediate(resolve));
    }
  } else {
    // A fixed rate, in ticks of 50 ms.
    const perTick = Math.round((spec.rate * 50) / 1000);
    const end = Date.now() + spec.millis;
    while (Date.now() < end) {
      for (let i = 0; i < perTick; i++) setup.tracer.startSpan('steady', { attributes }).end();
      made += perTick;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const producedMillis = performance.now() - started;
  await setup.shutdown();
  const totalMillis = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  clearInterval(sampler);
  rss.end = process.memoryUsage().rss;
  rss.peak = Math.max(rss.peak, rss.end, rss.start);
  traceMemory();
  const counts = setup.counts();
  return {
    made,
    producedMillis,
    totalMillis,
    cpuMillis: (cpu.user + cpu.system) / 1000,
    rssMiB: { start: mib(rss.start), peak: mib(rss.peak), end: mib(rss.end) },
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    peakInFlight: counts.peakInFlight,
    counted: counts.counted,
    ...(memory === undefined ? {} : { memory }),
  };
}

/** Starts a child producer with `spec` and resolves with its result. */
export function runProducer(spec) {
  return new Promise((resolve, reject) => {
    const child = fork(SELF, ['--child', JSON.stringify(spec)], {
      execArgv: [
        ...process.execArgv,
        ...(spec.warmYoungGeneration ? ['--min-semi-space-size=16'] : []),
      ],
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), (spec.millis ?? 0) + 120_000);
    child.on('exit', (code) => {
      clearTimeout(killer);
      const line = out.trim().split('\n').at(-1);
      if (code !== 0 || !line)
        reject(new Error(`producer ${JSON.stringify(spec)} exited with ${code}`));
      else resolve(JSON.parse(line));
    });
  });
}

const childAt = process.argv.indexOf('--child');
if (childAt !== -1) {
  const result = await runChild(JSON.parse(process.argv[childAt + 1]));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

// ---------------------------------------------------------------- parent: suite 4

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const spread = (values) =>
  `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;

if (process.argv[1] === SELF) {
  const { startOtlpReceiver } = await import('@proc/telemetry-testing');
  const ROUNDS = quick ? 1 : 3;
  const PRODUCE_MILLIS = quick ? 1000 : 3000;
  // Quick: a burst that still overflows the SDK's queue (8192) but drains within seconds.
  const BURST = quick ? 20_000 : 100_000;
  const PROTOCOLS = ['http/protobuf', 'http/json', 'grpc'];
  const receiver = await startOtlpReceiver({ maxBodyBytes: 64 * 1024 * 1024 });
  const endpointOf = (protocol) =>
    protocol === 'grpc' ? receiver.grpcUrl : `${receiver.httpUrl}/v1/traces`;

  const measure = async (spec) => {
    const results = { raw: [], ours: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ['raw', 'ours'] : ['ours', 'raw'];
      for (const impl of order) {
        receiver.clear();
        const endpoint = endpointOf(spec.protocol);
        const result = await runProducer({
          ...spec,
          impl,
          endpoint,
          timeoutMillis: 10_000,
          shutdownMillis: 30_000,
        });
        result.delivered = receiver.spans().length;
        results[impl].push(result);
      }
    }
    return results;
  };

  const rows = [];
  for (const protocol of PROTOCOLS) {
    rows.push({
      name: `full-speed producer ${PRODUCE_MILLIS / 1000} s, ${protocol}`,
      results: await measure({ mode: 'saturate', millis: PRODUCE_MILLIS, protocol }),
    });
    rows.push({
      name: `${BURST.toLocaleString('en')}-span synchronous burst, ${protocol}`,
      results: await measure({ mode: 'burst', spans: BURST, protocol }),
    });
  }
  await receiver.stop();

  const perSecond = (r) => r.delivered / (r.totalMillis / 1000);
  const pick = (list) => list.find((r) => perSecond(r) === median(list.map(perSecond)));
  const cell = (r) => {
    const dropped = r.made - r.delivered;
    const counted =
      r.counted === undefined
        ? 'not counted'
        : r.counted === dropped
          ? 'all counted'
          : `${r.counted} counted`;
    const cpuPer1000 = r.delivered > 0 ? ((1000 * r.cpuMillis) / r.delivered).toFixed(1) : '—';
    return `${r.delivered.toLocaleString('en')} of ${r.made.toLocaleString('en')}, ${Math.round(perSecond(r)).toLocaleString('en')}/s; ${dropped.toLocaleString('en')} dropped (${counted}); ${cpuPer1000} ms CPU/1k; ${Math.round(r.maxRssMiB)} MiB`;
  };
  const suiteRows = rows.map(({ name, results }) => {
    const ratios = results.raw.map(
      (r, i) => perSecond(results.ours[i]) / Math.max(1, perSecond(r)),
    );
    const raw = pick(results.raw);
    const ours = pick(results.ours);
    return {
      case: name,
      baseline: 'BatchSpanProcessor + OTLP exporter',
      unit: 'spans delivered/s',
      better: 'higher',
      baselineValue: Math.round(perSecond(raw)),
      candidateValue: Math.round(perSecond(ours)),
      ratio: median(ratios),
      low: Math.min(...ratios),
      high: Math.max(...ratios),
      rounds: ROUNDS,
      target: { min: 1.2 },
      detail: `raw: ${cell(raw)}; ours: ${cell(ours)}`,
    };
  });
  reportSuite({
    id: 'export-path',
    title: 'Suite 4: the export path under saturation, ours vs the raw SDK (higher is better)',
    description:
      'Each producer in a process of its own, to the same receiver on 127.0.0.1; batch 512, SDK queue 8192, delay 200 ms; ours with its default export.maxQueueBytes.',
    notes: [
      'Detail: delivered of made, delivered per second (first span to shutdown done); dropped (made − delivered) and whether the handle counted them; producer-process CPU per 1,000 delivered spans; peak RSS.',
    ],
    rows: suiteRows,
  });
}
