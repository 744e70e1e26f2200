// One run of the demo pipeline at its maximum rate, in a process of its own so telemetry on and
// off never share a process (run by processor-overhead.bench.mjs). Telemetry is configured by
// the environment the parent sets (OTEL_SDK_DISABLED, OTEL_TRACES_SAMPLER_ARG, the endpoint):
// as an app would have it. Prints one JSON line: events, wall and CPU time of the measured run.

import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { runDemo } from '@proc/demo-processor/run-demo';
import { createMetricsRecorder, initTelemetry } from '@proc/telemetry';

// Counted in events, not milliseconds: on a shared machine a wall-clock duration holds a varying
// amount of work, and a short warm-up may end before the JIT has settled.
const warmUpEvents = Number(process.env.BENCH_DEMO_WARMUP_EVENTS ?? 10_000);
const runEvents = Number(process.env.BENCH_DEMO_RUN_EVENTS ?? 20_000);
/** When set, the measured run (not start-up, not the warm-up) is CPU-profiled into this file. */
const profilePath = process.env.BENCH_DEMO_PROFILE;

const telemetry = await initTelemetry({
  config: { service: { name: 'demo-processor-bench' } },
  processor: { name: 'demo-processor', pipelineId: 'demo', partitions: [0, 1, 2] },
});
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const run = (maxMessages) =>
  runDemo({
    tracer: telemetry.tracer('@proc/demo-processor'),
    recorder: createMetricsRecorder({ meter: telemetry.meter('@proc/demo-processor') }),
    sink: { emit() {} },
    logger: silent,
    ratePerSecond: Number.POSITIVE_INFINITY,
    durationMillis: 0,
    maxMessages,
  });

await run(warmUpEvents);
const session = profilePath ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const cpuBefore = process.cpuUsage();
const started = performance.now();
const result = await run(runEvents);
const wallMillis = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
if (session) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(profilePath, JSON.stringify(profile));
  session.disconnect();
}
await telemetry.shutdown();
process.stdout.write(
  `${JSON.stringify({ events: result.received, wallMillis, cpuMicros: cpu.user + cpu.system })}\n`,
);
