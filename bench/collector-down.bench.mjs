// Suite 5, collector down and slow: spans at a fixed rate for 30 s (5 s with --quick) against a
// closed port and against a black hole (accepts, never answers), ours against the raw SDK
// (BatchSpanProcessor + the protocol's OTLP exporter), each in a producer process of its own
// (the child side of export-path.bench.mjs). Reports RSS at the start, its peak and at the end,
// the most exports ever in flight at once, and the spans lost against those the handle counted.
// Run: `pnpm bench`; `--quick` (or BENCH_QUICK=1) for a short run; BENCH_MAX_QUEUE_BYTES sets
// our export.maxQueueBytes (default: the configured default, 32 MiB).
import { freePort, startBlackHole } from '@proc/telemetry-testing';
import { median, quick, runProducer } from './export-path.bench.mjs';

const MILLIS = quick ? 5000 : 30_000;
const RATE = 20_000;
const MAX_QUEUE_BYTES =
  process.env.BENCH_MAX_QUEUE_BYTES === undefined
    ? undefined
    : Number(process.env.BENCH_MAX_QUEUE_BYTES);
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
console.log(
  `\nCollector down: ${RATE.toLocaleString('en')} spans/s for ${MILLIS / 1000} s${quick ? ' (quick)' : ''}, ours (export.maxQueueBytes ${MAX_QUEUE_BYTES ?? 'default'}) vs the raw SDK`,
);
console.log(
  '| case | raw RSS MiB start → peak → end | ours | raw max exports in flight | ours | raw lost / counted | ours | ours/raw peak growth |',
);
console.log('| --- | --- | --- | ---: | ---: | --- | --- | ---: |');
const growth = [];
for (const { name, raw, ours } of rows) {
  const ratio =
    (ours.rssMiB.peak - ours.rssMiB.start) / Math.max(1, raw.rssMiB.peak - raw.rssMiB.start);
  growth.push(ratio);
  console.log(
    `| ${name} | ${rss(raw)} | ${rss(ours)} | ${raw.peakInFlight} | ${ours.peakInFlight} | ${counted(raw)} | ${counted(ours)} | ${ratio.toFixed(2)}× |`,
  );
}
console.log(`\nMedian peak RSS growth, ours / raw: ${median(growth).toFixed(2)}×.`);
