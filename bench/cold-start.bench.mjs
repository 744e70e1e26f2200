// Cold start: a whole process that loads the set-up (`import`), or loads it, starts it, ends a
// first span and shuts down, exporting it (`start`); @proc/telemetry against NodeSDK
// (@opentelemetry/sdk-node, same OTEL_* variables, no instrumentations) and two raw SDK set-ups:
// a BasicTracerProvider + OTLP/protobuf exporter alone (traces only), and the same signals as
// ours written by hand (traces and metrics over OTLP/protobuf, the resource detectors, the W3C
// propagators, the context manager; child.cjs `raw-full`). Each run is a new `node` process;
// the set-ups alternate within each round (rotating who goes first), and the table gives
// medians, the spread (lowest–highest) and the median per-round ratio ours/other; the detail
// adds each process's CPU time (user + system, from its start to its last line) and its median
// per-round ratio, which other load on the machine moves less than the wall time. Targets: ours
// ≤ NodeSDK and ≤ 1.10× the raw set-ups, whole process (Node's own start-up is in every figure).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startOtlpReceiver } from '@proc/telemetry-testing';
import { quick } from './lib/harness.mjs';
import { reportSuite } from './lib/suite-report.mjs';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./cold-start/child.cjs', import.meta.url));
const CWD = fileURLToPath(new URL('.', import.meta.url));
const ROUNDS = Number(process.env.BENCH_COLD_START_ROUNDS ?? (quick ? 2 : 9));
// BENCH_COLD_START_BASELINE=<another checkout's root> adds that checkout's @proc/telemetry.
const BASELINE = process.env.BENCH_COLD_START_BASELINE;
const ALL_SETUPS = [
  'ours',
  'ours-code-config',
  'ours-eager',
  ...(BASELINE ? ['baseline'] : []),
  'node-sdk',
  'raw',
  'raw-full',
];
// BENCH_COLD_START_SETUPS=raw-full,baseline measures ours against only those (a quicker
// before/after while changing one thing); unset, every set-up.
const CHOSEN = process.env.BENCH_COLD_START_SETUPS?.split(',').filter(Boolean);
for (const name of CHOSEN ?? []) {
  if (!ALL_SETUPS.includes(name)) {
    throw new Error(
      `@proc/bench: BENCH_COLD_START_SETUPS names an unknown set-up ${JSON.stringify(name)}; expected some of ${ALL_SETUPS.join(', ')}`,
    );
  }
}
const SETUPS = CHOSEN ? ALL_SETUPS.filter((s) => s === 'ours' || CHOSEN.includes(s)) : ALL_SETUPS;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// A real OTLP receiver answers, so every shutdown ends with a delivered export.
const receiver = await startOtlpReceiver();
const env = {
  PATH: process.env.PATH ?? '',
  ...(BASELINE ? { BENCH_COLD_START_BASELINE: BASELINE } : {}),
  OTEL_SERVICE_NAME: 'cold-start',
  OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
  OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
  OTEL_LOG_LEVEL: 'error',
};

/** One child process: its own figures plus the wall time from spawn to exit. */
async function once(setup, mode) {
  const started = process.hrtime.bigint();
  const { stdout } = await run(process.execPath, [CHILD, setup, mode], {
    cwd: CWD,
    env,
    timeout: 60_000,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  return { ...JSON.parse(stdout), wallMs };
}

async function measure(mode) {
  const results = Object.fromEntries(SETUPS.map((setup) => [setup, []]));
  for (const setup of SETUPS) await once(setup, mode); // warm the file system cache
  for (let round = 0; round < ROUNDS; round++) {
    const order = SETUPS.map((_, i) => SETUPS[(i + round) % SETUPS.length]);
    for (const setup of order) results[setup].push(await once(setup, mode));
  }
  return results;
}

/**
 * What ours is held to against each other set-up (the performance and packaging issues): the
 * issue's ≤ 1.10× against both raw set-ups, the traces-only one (its row) and the one starting
 * the same signals as ours (the like-for-like comparison).
 */
const TARGETS = { 'node-sdk': { max: 1.0 }, raw: { max: 1.1 }, 'raw-full': { max: 1.1 } };
const LABELS = {
  'ours-code-config': 'ours with its config in code (zod loaded at start)',
  'ours-eager':
    'ours as before lazy loading (gRPC, yaml, zod, instrumentations, Prometheus, B3, Jaeger loaded eagerly)',
  baseline: `@proc/telemetry of the baseline checkout (${BASELINE?.split('/').pop()})`,
  'node-sdk': 'NodeSDK (@opentelemetry/sdk-node)',
  raw: "raw SDK, traces only: BasicTracerProvider + OTLP/protobuf exporter (the issue's row)",
  'raw-full':
    'raw SDK, the same signals as ours: traces + metrics over OTLP/protobuf, resource detectors, W3C propagators, context manager',
};

function rows(mode, results) {
  return SETUPS.filter((setup) => setup !== 'ours').map((setup) => {
    const ratios = results.ours.map((r, i) => r.wallMs / results[setup][i].wallMs);
    const cpuRatios = results.ours.map((r, i) => r.cpuMs / results[setup][i].cpuMs);
    const cpu = (runs) => median(runs.map((r) => r.cpuMs)).toFixed(0);
    return {
      case: `${mode === 'import' ? 'require alone' : 'require + start + first span + shutdown'}, whole process`,
      baseline: LABELS[setup],
      unit: 'ms wall',
      better: 'lower',
      baselineValue: Math.round(median(results[setup].map((r) => r.wallMs))),
      candidateValue: Math.round(median(results.ours.map((r) => r.wallMs))),
      ratio: median(ratios),
      low: Math.min(...ratios),
      high: Math.max(...ratios),
      rounds: ROUNDS,
      ...(TARGETS[setup] ? { target: TARGETS[setup] } : {}),
      detail: `modules loaded: ours ${results.ours[0].modules}, other ${results[setup][0].modules}; in-process require ms: ours ${median(results.ours.map((r) => r.importMs)).toFixed(0)}, other ${median(results[setup].map((r) => r.importMs)).toFixed(0)}; process CPU ms: ours ${cpu(results.ours)}, other ${cpu(results[setup])}, ours/other ${median(cpuRatios).toFixed(2)}× (${Math.min(...cpuRatios).toFixed(2)}–${Math.max(...cpuRatios).toFixed(2)})`,
    };
  });
}

try {
  const importResults = await measure('import');
  const startResults = await measure('start');
  reportSuite({
    id: 'cold-start',
    title: 'Suite 7: cold start, a whole node process (lower is better)',
    description: `${ROUNDS} interleaved rounds, one new process per run, the set-ups rotating who goes first; exporting to a real receiver over http/protobuf.`,
    rows: [...rows('import', importResults), ...rows('start', startResults)],
  });
} finally {
  process.stderr.write(`cold start: spans received ${receiver.spans().length}\n`);
  await receiver.stop();
}
