// How pino records should become OTLP log records: instrumentation-pino's log sending (in the
// app's thread, through the umbrella's logger provider) or a pino transport (a worker thread
// with its own logger provider). Each variant runs in its own child process against one
// in-process OTLP receiver, in the same run, and is reported as ratios to plain pino (the same
// lines to /dev/null, no telemetry). Never asserted: numbers depend on the machine.
// Run: `pnpm --filter @proc/telemetry bench` (build first: `pnpm build`).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startOtlpReceiver } from '@proc/telemetry-testing';

const LINES = Number(process.env.BENCH_LINES ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const VARIANTS = ['plain', 'instrumentation', 'transport'];
const child = fileURLToPath(new URL('./pino-variant.mjs', import.meta.url));

const receiver = await startOtlpReceiver();
const results = Object.fromEntries(VARIANTS.map((variant) => [variant, []]));
try {
  // Interleaved rounds, so a slow moment of the machine hits every variant alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const variant of VARIANTS) {
      receiver.clear();
      // Asynchronously: the receiver answers from this process's event loop.
      const { stdout: out } = await promisify(execFile)(
        process.execPath,
        [child, variant, String(LINES)],
        { env: { ...process.env, BENCH_ENDPOINT: receiver.httpUrl }, timeout: 120_000 },
      );
      const result = JSON.parse(out.trim().split('\n').pop());
      result.received = receiver.logs().length;
      result.correlated = receiver.logs().filter((r) => r.traceId !== undefined).length;
      results[variant].push(result);
    }
  }
} finally {
  await receiver.stop();
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = Object.fromEntries(
  VARIANTS.map((variant) => {
    const runs = results[variant];
    return [
      variant,
      {
        loopUsPerLine: (median(runs.map((r) => r.loopMs)) * 1000) / LINES,
        cpuUsPerLine: (median(runs.map((r) => r.cpuMs)) * 1000) / LINES,
        deliveredMs: median(runs.map((r) => r.deliveredMs)),
        received: Math.min(...runs.map((r) => r.received)),
        correlated: Math.min(...runs.map((r) => r.correlated)),
      },
    ];
  }),
);
const base = summary.plain;
console.log(`pino log sending, ${LINES} lines in a span, median of ${ROUNDS} rounds`);
console.log(
  'variant          app thread µs/line (x plain)   process CPU µs/line (x plain)   until delivered   received / correlated',
);
for (const variant of VARIANTS) {
  const s = summary[variant];
  console.log(
    `${variant.padEnd(16)} ${s.loopUsPerLine.toFixed(2).padStart(8)} (x${(s.loopUsPerLine / base.loopUsPerLine).toFixed(2)})` +
      `${' '.repeat(14)}${s.cpuUsPerLine.toFixed(2).padStart(8)} (x${(s.cpuUsPerLine / base.cpuUsPerLine).toFixed(2)})` +
      `${' '.repeat(12)}${String(Math.round(s.deliveredMs)).padStart(6)} ms      ${s.received} / ${s.correlated}`,
  );
}
const { instrumentation, transport } = summary;
console.log(
  `transport / instrumentation: app thread x${(transport.loopUsPerLine / instrumentation.loopUsPerLine).toFixed(2)}, ` +
    `process CPU x${(transport.cpuUsPerLine / instrumentation.cpuUsPerLine).toFixed(2)}`,
);
