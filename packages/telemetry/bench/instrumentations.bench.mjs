// What each official instrumentation costs the work it observes: the same workload with the
// instrumentation off and on (traces, metrics and logs exported over OTLP/HTTP to an in-process
// receiver either way), each in its own child process started with
// `--import @proc/telemetry/register`, interleaved over rounds, reported as ratios. Never
// asserted. pino's cost is in pino-log-sending.bench.mjs; kafkajs needs a broker and is not
// measured here. Run: `pnpm --filter @proc/telemetry bench` (build first: `pnpm build`).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startOtlpReceiver } from '@proc/telemetry-testing';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CASES = [
  ['http', 'http', 2000, 'request (client + server span)'],
  ['undici', 'undici', 2000, 'fetch() request'],
  ['runtime-node', 'runtime-node', 20_000, 'event loop turn'],
];
const register = fileURLToPath(new URL('../register/index.mjs', import.meta.url));
const variant = fileURLToPath(new URL('./instrumentation-variant.mjs', import.meta.url));

const receiver = await startOtlpReceiver();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
try {
  console.log(`instrumentation cost, median of ${ROUNDS} rounds`);
  console.log('instrumentation   per                              off µs    on µs    on/off');
  for (const [name, workload, ops, per] of CASES) {
    const times = { off: [], on: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const state of ['off', 'on']) {
        // Asynchronously: the receiver answers from this process's event loop.
        const { stdout } = await promisify(execFile)(
          process.execPath,
          ['--import', register, variant, workload, String(ops)],
          {
            timeout: 120_000,
            env: {
              PATH: process.env.PATH,
              OTEL_SERVICE_NAME: 'instrumentation-bench',
              OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
              OTEL_METRIC_EXPORT_INTERVAL: '1000',
              OTEL_LOG_LEVEL: 'error',
              OTEL_NODE_ENABLED_INSTRUMENTATIONS: state === 'on' ? name : '',
            },
          },
        );
        times[state].push(JSON.parse(stdout.trim().split('\n').pop()).usPerOp);
        receiver.clear();
      }
    }
    const off = median(times.off);
    const on = median(times.on);
    console.log(
      `${name.padEnd(17)} ${per.padEnd(30)} ${off.toFixed(1).padStart(8)} ${on.toFixed(1).padStart(8)}    x${(on / off).toFixed(2)}`,
    );
  }
} finally {
  await receiver.stop();
}
