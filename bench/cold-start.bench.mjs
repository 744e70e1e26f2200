// Cold start: a whole process that loads the set-up (`import`), or loads it, starts it, ends a
// first span and shuts down, exporting it (`start`); @proc/telemetry against NodeSDK
// (@opentelemetry/sdk-node, same OTEL_* variables, no instrumentations) and a raw
// BasicTracerProvider + OTLP/protobuf exporter. Each run is a new `node` process; the set-ups
// alternate within each round (rotating who goes first), and the table gives medians, the spread
// (lowest–highest) and the median per-round ratio ours/other. Targets: ours ≤ NodeSDK and
// ≤ 1.10× the raw set-up, whole process (Node's own start-up is in every figure).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startOtlpReceiver } from '@proc/telemetry-testing';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./cold-start/child.cjs', import.meta.url));
const CWD = fileURLToPath(new URL('.', import.meta.url));
const ROUNDS = Number(process.env.BENCH_COLD_START_ROUNDS ?? 9);
const SETUPS = ['ours', 'ours-eager', 'node-sdk', 'raw'];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// A real OTLP receiver answers, so every shutdown ends with a delivered export.
const receiver = await startOtlpReceiver();
const env = {
  PATH: process.env.PATH ?? '',
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

function rows(mode, results, field) {
  const out = [];
  for (const setup of SETUPS) {
    const values = results[setup].map((r) => r[field]);
    const ratios = results.ours.map((r, i) => r[field] / results[setup][i][field]);
    out.push(
      `| ${mode} | ${setup} | ${median(values).toFixed(0)} | ${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)} | ${results[setup][0].modules} | ${setup === 'ours' ? '1.00×' : `${median(ratios).toFixed(2)}×`} |`,
    );
  }
  return out;
}

try {
  const importResults = await measure('import');
  const startResults = await measure('start');
  console.log(`\nCold start (${ROUNDS} interleaved rounds, one process per run; ms)`);
  console.log('| run | set-up | wall ms (median) | spread | modules loaded | ours / set-up |');
  console.log('| --- | --- | ---: | --- | ---: | ---: |');
  for (const line of rows('import', importResults, 'wallMs')) console.log(line);
  for (const line of rows('start', startResults, 'wallMs')) console.log(line);
  console.log('\nIn-process: require of the entry modules (ms, median)');
  for (const setup of SETUPS) {
    console.log(`| ${setup} | ${median(importResults[setup].map((r) => r.importMs)).toFixed(0)} |`);
  }
} finally {
  console.log(`\nspans received: ${receiver.spans().length}`);
  await receiver.stop();
}
