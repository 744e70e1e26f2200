// Suite 5, collector down and slow: spans at a fixed rate for 30 s (3 s with --quick) against a
// closed port and against a black hole (accepts, never answers), ours against the raw SDK
// (BatchSpanProcessor + the protocol's OTLP exporter), each in a producer process of its own
// (the child side of export-path.bench.mjs). Reports RSS at the start, its peak and at the end,
// the most exports ever in flight at once, and the spans lost against those the handle counted.
// The full run takes the median of 3 rounds per case (a round at a passing load moved a case's
// ratio by ±0.2), about 12 cases (6 fresh, 6 with the young generation warm) × 3 rounds × 34 s
// ≈ 20 min; --quick keeps one round of 2 s.
// Start is measured once each side's pipeline is made and the modules its first export loads are
// loaded (export-path.bench.mjs), before the first span: what growth counts is what the outage
// costs, not a module load that one side does at start-up and the other at its first export.
// Run: `pnpm bench collector-down`; `--quick` (BENCH_QUICK=1) for a short run; BENCH_MAX_QUEUE_BYTES
// and BENCH_MAX_QUEUE_BYTES_WHILE_FAILING set our export.maxQueueBytes and
// export.maxQueueBytesWhileFailing (default: the configured defaults, 32 MiB and 1 MiB).
import { freePort, startBlackHole } from '@proc/telemetry-testing';
import { median, quick, runProducer } from './export-path.bench.mjs';
import { reportSuite } from './lib/suite-report.mjs';

const MILLIS = quick ? 2000 : 30_000;
const RATE = 20_000;
const numberFromEnv = (name) =>
  process.env[name] === undefined ? undefined : Number(process.env[name]);
const MAX_QUEUE_BYTES = numberFromEnv('BENCH_MAX_QUEUE_BYTES');
const MAX_QUEUE_BYTES_WHILE_FAILING = numberFromEnv('BENCH_MAX_QUEUE_BYTES_WHILE_FAILING');
const PROTOCOLS = ['http/protobuf', 'http/json', 'grpc'];
const endpointOf = (protocol, port) =>
  protocol === 'grpc' ? `http://127.0.0.1:${port}` : `http://127.0.0.1:${port}/v1/traces`;

const ROUNDS = quick ? 1 : 3;
// Each case twice: in a fresh process, and with V8's young generation at its largest and its
// pages touched before start, as an app that has run a while has it (export-path.bench.mjs,
// `warmYoungGeneration()`): in a fresh process V8 doubling it (8 → 16 → 32 MiB) is part of the
// growth, and whether ours' doubles inside the 30 s depends on what start-up left, not on what
// the export path holds.
const YOUNG_GENERATIONS = ['fresh', 'warm'];
const CASES = YOUNG_GENERATIONS.flatMap((youngGeneration) =>
  ['closed port', 'black hole'].flatMap((outage) =>
    PROTOCOLS.map((protocol) => ({ youngGeneration, outage, protocol, rounds: [] })),
  ),
);

/** One round of one case: ours and raw side by side, so both see the same machine load. */
async function measureRound({ youngGeneration, outage, protocol }) {
  const round = {};
  await Promise.all(
    ['raw', 'ours'].map(async (impl) => {
      // Each has its own port (its own black hole).
      const hole = outage === 'black hole' ? await startBlackHole() : undefined;
      const port = hole?.port ?? (await freePort());
      round[impl] = await runProducer({
        impl,
        protocol,
        endpoint: endpointOf(protocol, port),
        mode: 'rate',
        rate: RATE,
        millis: MILLIS,
        timeoutMillis: 10_000,
        // The collector never comes back, so shutdown waits out its deadline: shorter in a quick run.
        shutdownMillis: quick ? 500 : 3000,
        memoryTrace: true,
        warmYoungGeneration: youngGeneration === 'warm',
        maxQueueBytes: MAX_QUEUE_BYTES,
        maxQueueBytesWhileFailing: MAX_QUEUE_BYTES_WHILE_FAILING,
      });
      await hole?.close();
    }),
  );
  return round;
}

// Round by round over all cases (not a case's rounds back to back): a load that comes and goes
// on the shared machine then spreads over the cases instead of deciding one of them.
for (let round = 0; round < ROUNDS; round++) {
  for (const spec of CASES) spec.rounds.push(await measureRound(spec));
}

const rss = (r) =>
  `${Math.round(r.rssMiB.start)} → ${Math.round(r.rssMiB.peak)} → ${Math.round(r.rssMiB.end)}`;
const counted = (r) =>
  r.counted === undefined
    ? `${r.made.toLocaleString('en')} lost, not counted`
    : `${r.made.toLocaleString('en')} lost, ${r.counted.toLocaleString('en')} counted`;
const growthOf = (r) => r.rssMiB.peak - r.rssMiB.start;
const ratioOf = (round) => growthOf(round.ours) / Math.max(1, growthOf(round.raw));
/** The young generation (V8's new space) and the old space, first sample → largest, in MiB. */
const heap = (r) => {
  const most = (key) => Math.max(...r.memory.map((sample) => sample[key]));
  const [first] = r.memory;
  return `new space ${first.newSpace} → ${most('newSpace')}, old space ${Math.round(first.oldSpace)} → ${Math.round(most('oldSpace'))}`;
};
const growth = { fresh: [], warm: [] };
const suiteRows = CASES.map(({ youngGeneration, outage, protocol, rounds }) => {
  const ratios = rounds.map(ratioOf);
  const ratio = median(ratios);
  growth[youngGeneration].push(ratio);
  // The detail is the median round's.
  const { raw, ours } = rounds.find((round) => ratioOf(round) === ratio);
  return {
    case: `${outage}, ${protocol}${youngGeneration === 'warm' ? ', young generation warm' : ''}`,
    baseline: 'BatchSpanProcessor + OTLP exporter',
    unit: 'MiB peak RSS growth',
    better: 'lower',
    baselineValue: Math.round(growthOf(raw)),
    candidateValue: Math.round(growthOf(ours)),
    ratio,
    low: Math.min(...ratios),
    high: Math.max(...ratios),
    rounds: ROUNDS,
    target: { max: 0.5 },
    detail: `RSS start → peak → end: raw ${rss(raw)}, ours ${rss(ours)}; raw ${heap(raw)}, ours ${heap(ours)}; most exports in flight: raw ${raw.peakInFlight}, ours ${ours.peakInFlight}; raw ${counted(raw)}; ours ${counted(ours)}`,
  };
});
reportSuite({
  id: 'collector-down',
  title: `Suite 5: collector down, ${RATE.toLocaleString('en')} spans/s for ${MILLIS / 1000} s, ours vs the raw SDK (lower is better)`,
  description: `Ours with export.maxQueueBytes ${MAX_QUEUE_BYTES ?? 'at its default'} and export.maxQueueBytesWhileFailing ${MAX_QUEUE_BYTES_WHILE_FAILING ?? 'at its default'}; each producer in a process of its own, ours and raw side by side; ${ROUNDS === 1 ? 'one round' : `the median of ${ROUNDS} rounds`} per case (rounds taken over all cases in turn; the detail is the median round's). Start is RSS once the pipeline is made and what its first export loads is loaded (ours: @grpc/grpc-js over gRPC, as initTelemetry() loads it; raw: node:http), before the first span. "Young generation warm": both producers grow V8's young generation to its largest and touch its pages before start (then a full collection), as in an app that has run a while; the other rows are fresh processes.`,
  notes: [
    `Median peak RSS growth, ours / raw: ${median(growth.fresh).toFixed(2)}× in fresh processes, ${median(growth.warm).toFixed(2)}× with the young generation warm. New space is V8's young generation: in a fresh process its size doubles when enough has survived its collections (8 → 16 → 32 MiB here), a part of the growth that neither export path holds; warm, it stays at 32 MiB on both sides and what grows is what each side holds.`,
  ],
  rows: suiteRows,
});
