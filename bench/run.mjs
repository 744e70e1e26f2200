// `pnpm bench [--quick] [name…]`: builds what the suites import, runs every bench/*.bench.mjs
// (or those whose file name contains one of the names) one after another, each in its own
// process, collects the suites they report (lib/suite-report.mjs) and writes docs/benchmarks.md
// (the generated blocks only) and docs/benchmarks.json. --quick: fewer, shorter rounds, results
// to bench/results/ instead of docs/, so a quick run never overwrites the recorded figures.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSuiteTable, replaceBlock } from './lib/markdown.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const rootDir = join(benchDir, '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const names = args.filter((arg) => !arg.startsWith('--'));
const unknown = args.filter(
  (arg) => arg.startsWith('--') && arg !== '--quick' && arg !== '--no-build',
);
if (unknown.length > 0) {
  console.error(
    `@proc/bench: unknown option ${unknown.join(', ')}; accepted: --quick, --no-build, suite file names`,
  );
  process.exit(2);
}

const files = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.mjs'))
  .filter((file) => names.length === 0 || names.some((name) => file.includes(name)))
  .sort();
if (files.length === 0) {
  console.error(`@proc/bench: no bench/*.bench.mjs matches ${names.join(', ')}`);
  process.exit(2);
}

const started = Date.now();
if (!args.includes('--no-build')) {
  const build = spawnSync(
    'pnpm',
    ['exec', 'turbo', 'run', 'build', '--filter=@proc/bench...', '--output-logs=errors-only'],
    { cwd: rootDir, stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  os: `${platform()} ${release()}`,
  date: new Date().toISOString(),
  mode: quick ? 'quick' : 'full',
  loadAtStart: load(),
};

const resultsDir = mkdtempSync(join(tmpdir(), 'proc-bench-'));
const runs = [];
let failed = 0;
for (const file of files) {
  const loadBefore = load();
  const t0 = Date.now();
  console.log(`\n== ${file} (load ${loadBefore})`);
  const child = spawnSync(process.execPath, [join(benchDir, file)], {
    cwd: benchDir,
    stdio: 'inherit',
    env: { ...process.env, BENCH_QUICK: quick ? '1' : '0', BENCH_RESULTS_DIR: resultsDir },
    // Bounded: a stuck suite fails the run instead of hanging it.
    timeout: (quick ? 3 : 30) * 60_000,
  });
  const seconds = (Date.now() - t0) / 1000;
  if (child.status !== 0) {
    failed++;
    console.error(`@proc/bench: ${file} failed (exit ${child.status ?? child.signal})`);
  }
  runs.push({ file, seconds, loadBefore, loadAfter: load(), ok: child.status === 0 });
}

// Packages may keep benchmarks of their own (a `bench` script, e.g. @proc/telemetry's log and
// instrumentation costs, documented with their package): a full run runs them too, as before.
if (!quick && names.length === 0) {
  const packageBenches = spawnSync(
    'pnpm',
    [
      'exec',
      'turbo',
      'run',
      'bench',
      '--concurrency=1',
      '--filter=!@proc/bench',
      '--output-logs=full',
    ],
    { cwd: rootDir, stdio: 'inherit', timeout: 30 * 60_000 },
  );
  if (packageBenches.status !== 0) failed++;
}

const suites = readdirSync(resultsDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(join(resultsDir, file), 'utf8')));
rmSync(resultsDir, { recursive: true, force: true });
machine.loadAtEnd = load();
machine.seconds = Math.round((Date.now() - started) / 1000);

const docsPath = join(rootDir, 'docs', 'benchmarks.md');
const outDir = quick ? join(benchDir, 'results') : join(rootDir, 'docs');
mkdirSync(outDir, { recursive: true });
const jsonPath = join(outDir, quick ? 'benchmarks.quick.json' : 'benchmarks.json');
const mdPath = quick ? join(outDir, 'benchmarks.quick.md') : docsPath;

// A run of some suites keeps the recorded results of the others.
let previous = [];
try {
  previous = JSON.parse(readFileSync(jsonPath, 'utf8')).suites ?? [];
} catch {
  // no earlier results
}
const ran = new Set(suites.map((suite) => suite.id));
const allSuites = [
  ...previous.filter((suite) => !ran.has(suite.id)),
  ...suites.map((suite) => ({ ...suite, machine })),
];
writeFileSync(jsonPath, `${JSON.stringify({ machine, runs, suites: allSuites }, null, 2)}\n`);

const machineLine = (m) =>
  `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}; load average (1/5/15 min) ${m.loadAtStart} at start, ${m.loadAtEnd} at end; ${m.mode} run of ${m.date.slice(0, 16).replace('T', ' ')} UTC, ${m.seconds} s`;

let doc;
try {
  doc = readFileSync(quick ? mdPath : docsPath, 'utf8');
} catch {
  doc = '# Benchmarks (quick run)\n';
}
for (const suite of suites) {
  const runOf = runs.find((r) => suite.file === undefined || r.file === suite.file);
  const body = `${renderSuiteTable(suite)}\n\nMachine: ${machineLine(machine)}${runOf ? `. Suite load ${runOf.loadBefore} → ${runOf.loadAfter}.` : '.'}`;
  doc = replaceBlock(doc, suite.id, body);
}
writeFileSync(mdPath, doc);
console.log(
  `\n@proc/bench: ${suites.length} suites from ${files.length} files in ${machine.seconds} s; wrote ${mdPath} and ${jsonPath}`,
);
process.exit(failed > 0 ? 1 : 0);
