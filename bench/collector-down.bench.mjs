// Suite 5, collector down and slow: spans at a fixed rate for 30 s (3 s with --quick) against a
// closed port and against a black hole (accepts, never answers), ours against the raw SDK
// (BatchSpanProcessor + the protocol's OTLP exporter), each in a producer process of its own
// (the child side of export-path.bench.mjs). Reports RSS at the start, its peak and at the end,
// the most exports ever in flight at once, and the spans lost against those the handle counted.
// Run: `pnpm bench collector-down`; `--quick` (BENCH_QUICK=1) for a short run; BENCH_MAX_QUEUE_BYTES
// and BENCH_MAX_QUEUE_BYTES_WHILE_FAILING set our export.maxQueueBytes and
// export.maxQueueBytesWhileFailing (default: the configured defaults, 32 MiB and 1 MiB).
import { freePort, startBlackHole } from '@proc/telemetry-testing';
import { median, quick, runProducer } from './export-path.bench.mjs';
import { reportSuite } from './lib/suite-report.mjs';

const MILLIS = quick ? 3000 : 30_000;
const RATE = 20_000;
const numberFromEnv = (name) =>
  process.env[name] === undefined ? undefined : Number(process.env[name]);
const MAX_QUEUE_BYTES = numberFromEnv('BENCH_MAX_QUEUE_BYTES');
const MAX_QUEUE_BYTES_WHILE_FAILING = numberFromEnv('BENCH_MAX_QUEUE_BYTES_WHILE_FAILING');
const PROTOCOLS = ['http/protobuf', 'http/json', 'grpc'];
const endpointOf = (protocol, port) =>
  protocol === 'grpc' ? `http://127.0.0.1:${port}` : `http://127.0.0.1:${port}/v1/traces`;

const rows = [];
for (const outage of ['closed port', 'black hole']) {
  for (const protocol of PROTOCOLS) {
    const results = {};
    // Ours and raw run side by side, so both see the same machine load; each has its own port.
    await Promise.all(
      ['raw', 'ours'].map(async (impl) => {
        const hole = outage === 'black hole' ? await startBlackHole() : undefined;
        const port = hole?.port ?? (await freePort());
        results[impl] = await runProducer({
          impl,
          protocol,
          endpoint: endpointOf(protocol, port),
          mode: 'rate',
          rate: RATE,
          millis: MILLIS,
          timeoutMillis: 10_000,
          shutdownMillis: 3000,
          maxQueueBytes: MAX_QUEUE_BYTES,
          maxQueueBytesWhileFailing: MAX_QUEUE_BYTES_WHILE_FAILING,
        });
        await hole?.close();
      }),
    );
    rows.push({ name: `${outage}, ${protocol}`, ...results });
  }
}

const rss = (r) =>
  `${Math.round(r.rssMiB.start)} → ${Math.round(r.rssMiB.peak)} → ${Math.round(r.rssMiB.end)}`;
const counted = (r) =>
  r.counted === undefined
    ? `${r.made.toLocaleString('en')} lost, not counted`
    : `${r.made.toLocaleString('en')} lost, ${r.counted.toLocaleString('en')} counted`;
const growth = [];
const suiteRows = rows.map(({ name, raw, ours }) => {
  const ratio =
    (ours.rssMiB.peak - ours.rssMiB.start) / Math.max(1, raw.rssMiB.peak - raw.rssMiB.start);
  growth.push(ratio);
  return {
    case: name,
    baseline: 'BatchSpanProcessor + OTLP exporter',
    unit: 'MiB peak RSS growth',
    better: 'lower',
    baselineValue: Math.round(raw.rssMiB.peak - raw.rssMiB.start),
    candidateValue: Math.round(ours.rssMiB.peak - ours.rssMiB.start),
    ratio,
    low: ratio,
    high: ratio,
    rounds: 1,
    target: { max: 0.5 },
    detail: `RSS start → peak → end: raw ${rss(raw)}, ours ${rss(ours)}; most exports in flight: raw ${raw.peakInFlight}, ours ${ours.peakInFlight}; raw ${counted(raw)}; ours ${counted(ours)}`,
  };
});
reportSuite({
  id: 'collector-down',
  title: `Suite 5: collector down, ${RATE.toLocaleString('en')} spans/s for ${MILLIS / 1000} s, ours vs the raw SDK (lower is better)`,
  description: `Ours with export.maxQueueBytes ${MAX_QUEUE_BYTES ?? 'at its default'} and export.maxQueueBytesWhileFailing ${MAX_QUEUE_BYTES_WHILE_FAILING ?? 'at its default'}; each producer in a process of its own, ours and raw side by side; one round per case.`,
  notes: [`Median peak RSS growth, ours / raw: ${median(growth).toFixed(2)}×.`],
  rows: suiteRows,
});
