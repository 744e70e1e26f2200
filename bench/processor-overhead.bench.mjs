// Suite 6, processor overhead: the demo pipeline (apps/demo-processor: producer spans, batch
// spans linked to every message, a span and metric calls per event, windows) in process at its
// maximum rate, telemetry off (OTEL_SDK_DISABLED=true) against on at 10 % and at 100 %
// sampling, exporting over OTLP http/protobuf to a real receiver in this (the parent) process;
// and what telemetry adds per event against the raw SDK making the same spans alone
// (lib/raw-spans-run.mjs), the floor under any instrumentation with a span per message.
// Each run is a child process of its own (lib/processor-run.mjs), so on and off never share a
// process; rounds alternate which side runs first. Then one profiled run per sampling ratio says
// where the per-event time goes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOtlpReceiver } from '@proc/telemetry-testing';
import { quick } from './lib/harness.mjs';
import { reportSuite } from './lib/suite-report.mjs';

const ROUNDS = quick ? 1 : 5;
const WARM_UP_EVENTS = quick ? 3_000 : 10_000;
const RUN_EVENTS = quick ? 5_000 : 20_000;
const receiver = await startOtlpReceiver();

const envOf = (mode) => ({
  ...process.env,
  BENCH_DEMO_WARMUP_EVENTS: String(WARM_UP_EVENTS),
  BENCH_DEMO_RUN_EVENTS: String(RUN_EVENTS),
  OTEL_LOG_LEVEL: 'warn',
  OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
  OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
  ...(mode === 'off'
    ? { OTEL_SDK_DISABLED: 'true' }
    : {
        OTEL_SDK_DISABLED: 'false',
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: mode.includes('10%') ? '0.1' : '1',
        // The SDK's own health metrics (a counter per span started): on by default.
        PROC_TELEMETRY_SELF_TELEMETRY_ENABLED: mode.includes('self-telemetry off')
          ? 'false'
          : 'true',
      }),
});

/**
 * One child run; `profilePath`: CPU-profile its measured run into that file. `raw 10%` and
 * `raw 100%` run lib/raw-spans-run.mjs instead: the raw SDK making the demo's spans alone.
 */
async function runOnce(mode, profilePath) {
  receiver.clear();
  const script = mode.startsWith('raw') ? 'lib/raw-spans-run.mjs' : 'lib/processor-run.mjs';
  // Async, so this process's receiver keeps taking the child's exports while it runs.
  const child = spawn(process.execPath, [script], {
    env: { ...envOf(mode), ...(profilePath ? { BENCH_DEMO_PROFILE: profilePath } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const code = await new Promise((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`@proc/bench: processor run (${mode}) exited ${code}`);
  const result = JSON.parse(out.trim().split('\n').at(-1));
  return { ...result, perSecond: result.events / (result.wallMillis / 1000) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const cpu = (r) => r.cpuMicros / r.events;
const rows = [];
for (const [mode, target] of [
  ['10%', { min: 0.95 }],
  ['100%', { min: 0.8 }],
]) {
  // Each round runs telemetry off, on, and the raw SDK's spans alone, rotating which goes
  // first, so drift of the shared machine hits all three; every figure of a round comes from the
  // same three runs.
  const sides = ['off', mode, `raw ${mode}`];
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    const result = {};
    for (let i = 0; i < sides.length; i++) {
      const side = sides[(round + i) % sides.length];
      result[side === 'off' ? 'off' : side === mode ? 'on' : 'raw'] = await runOnce(side);
    }
    rounds.push(result);
  }
  // Events per CPU second: the rate one core sustains. On a shared machine the wall-clock rate
  // also measures how much of a core the run was given, so the target is on this one.
  const capacity = (r) => 1e6 / cpu(r);
  const summary = (value, caseName, unit, rowTarget) => {
    const ratios = rounds.map((p) => value(p.on) / value(p.off));
    return {
      case: caseName,
      baseline: 'telemetry off (OTEL_SDK_DISABLED=true)',
      unit,
      better: 'higher',
      baselineValue: median(rounds.map((p) => value(p.off))),
      candidateValue: median(rounds.map((p) => value(p.on))),
      ratio: median(ratios),
      low: Math.min(...ratios),
      high: Math.max(...ratios),
      rounds: ROUNDS,
      target: rowTarget,
      detail: `CPU per event ${median(rounds.map((p) => cpu(p.off))).toFixed(1)} µs off, ${median(rounds.map((p) => cpu(p.on))).toFixed(1)} µs on`,
    };
  };
  rows.push(
    summary(
      capacity,
      `events per CPU second, telemetry on at ${mode} sampling`,
      'events/CPU-s',
      target,
    ),
  );
  rows.push(
    summary((r) => r.perSecond, `events/s (wall clock), on at ${mode} sampling`, 'events/s'),
  );
  // What telemetry adds per event, against what the raw SDK takes to make the same spans and
  // propagation with no demo around them: the floor a span per message puts under any
  // instrumentation of this pipeline, next to what the target leaves for telemetry.
  const added = rounds.map((p) => cpu(p.on) - cpu(p.off));
  const ratios = rounds.map((p, i) => added[i] / cpu(p.raw));
  const budget = median(rounds.map((p) => cpu(p.off))) * (1 / target.min - 1);
  rows.push({
    case: `telemetry's CPU per event (on − off) at ${mode} sampling`,
    baseline: "the raw SDK making the demo's spans and propagation alone (lib/raw-spans-run.mjs)",
    unit: 'µs/event',
    better: 'lower',
    baselineValue: median(rounds.map((p) => cpu(p.raw))),
    candidateValue: median(added),
    ratio: median(ratios),
    low: Math.min(...ratios),
    high: Math.max(...ratios),
    rounds: ROUNDS,
    detail: `the ≥ ${target.min.toFixed(2)}× target leaves ${budget.toFixed(1)} µs/event for telemetry; the raw SDK's spans alone take ${(median(rounds.map((p) => cpu(p.raw))) / budget).toFixed(1)}× that`,
  });
}

// Where the time goes: self time of a profiled run, by the package of the function, per event.
const CATEGORIES = [
  ['@opentelemetry/sdk-trace-base', 'SDK spans (sdk-trace-base)'],
  // sdk-trace-base 2.12 re-exports the tracer, spans and samplers of this package.
  ['@opentelemetry/sdk-trace/', 'SDK spans (sdk-trace)'],
  ['@opentelemetry/sdk-metrics', 'SDK metrics (sdk-metrics)'],
  ['@opentelemetry/core', 'SDK core (propagators, time, attributes)'],
  ['@opentelemetry/context-async-hooks', 'context manager (AsyncLocalStorage)'],
  ['@opentelemetry/api/', 'OpenTelemetry API'],
  ['telemetry-tracing', '@proc/telemetry-tracing (spanBuilder, withSpan, batching)'],
  ['telemetry-context', '@proc/telemetry-context (extract, inject, batch span, links)'],
  ['telemetry-metrics', '@proc/telemetry-metrics (recorder, exemplars)'],
  // @proc/telemetry-otlp's span encoder (protobufSpanSerializer) before the rest of the package.
  ['protobuf-span-serializer', 'export (encoding)'],
  ['backward-protobuf-writer', 'export (encoding)'],
  ['write-otlp-common', 'export (encoding)'],
  ['telemetry-otlp', 'export (@proc/telemetry-otlp)'],
  ['otlp-transformer', 'export (encoding)'],
  ['protobufjs', 'export (encoding)'],
  ['demo-processor', 'the demo itself'],
];
// The profiler samples on wall-clock ticks, and on a loaded machine a tick also lands while the
// thread waits for a core: each function's share of the non-idle samples is scaled to the run's
// measured CPU time per event instead.
function breakdown(profilePath, result) {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8'));
  const idle = profile.nodes
    .filter((node) => node.callFrame.functionName === '(idle)')
    .reduce((sum, node) => sum + node.hitCount, 0);
  const busy = profile.samples.length - idle;
  const interval = result.cpuMicros / result.events / busy; // µs of CPU per event per sample
  const selfByCategory = new Map();
  const selfByFunction = new Map();
  for (const node of profile.nodes) {
    const { url, functionName, lineNumber } = node.callFrame;
    const micros = node.hitCount * interval;
    if (micros === 0) continue;
    const category =
      CATEGORIES.find(([needle]) => url.includes(needle))?.[1] ??
      (functionName === '(idle)' ||
      functionName === '(program)' ||
      functionName === '(garbage collector)'
        ? functionName
        : url.startsWith('node:') || url === ''
          ? 'Node.js internals'
          : 'other');
    selfByCategory.set(category, (selfByCategory.get(category) ?? 0) + micros);
    const fn = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + micros);
  }
  const table = (map, n) =>
    [...map.entries()]
      .filter(([name]) => name !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, micros]) => `| ${name.replaceAll('|', '\\|')} | ${micros.toFixed(2)} |`)
      .join('\n');
  return { categories: table(selfByCategory, 20), functions: table(selfByFunction, 15) };
}

const notes = [];
// Not under --quick, which only has to show the suite runs (and stay under two minutes in all).
const PROFILED_MODES = quick ? [] : ['off', '10%', '10%, self-telemetry off', '100%'];
for (const mode of PROFILED_MODES) {
  const dir = mkdtempSync(join(tmpdir(), 'proc-bench-prof-'));
  try {
    const profilePath = join(dir, 'run.cpuprofile');
    const result = await runOnce(mode, profilePath);
    const { categories, functions } = breakdown(profilePath, result);
    notes.push(
      `**Where the time goes, telemetry ${mode === 'off' ? 'off' : `on at ${mode}`}** (one profiled run, self CPU time per event, µs; ${result.events} events in ${(result.wallMillis / 1000).toFixed(1)} s, ${(result.cpuMicros / result.events).toFixed(1)} µs CPU per event):\n\n| by package | µs/event |\n| --- | ---: |\n${categories}\n\n| top functions (self) | µs/event |\n| --- | ---: |\n${functions}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
await receiver.stop();

reportSuite({
  id: 'processor-overhead',
  title: 'Suite 6: processor overhead, the demo pipeline with telemetry on / off',
  description: `The demo pipeline at its maximum rate, ${RUN_EVENTS} events measured after ${WARM_UP_EVENTS} of warm-up, one child process per run, exporting over OTLP http/protobuf to a receiver in the bench process; sampling \`parentbased_traceidratio\` (each producer span and each batch span starts a trace).`,
  rows,
  notes,
});
