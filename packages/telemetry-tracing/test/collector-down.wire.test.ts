import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { OtlpProtocol } from '@proc/telemetry-config';
import { type BlackHole, freePort, startBlackHole } from '@proc/telemetry-testing';
import type { SpanExportCounts } from '../src/index.js';

const FIXTURE = path.join(__dirname, 'fixtures/collector-down-app.cjs');
const BUILT = path.join(__dirname, '../dist/cjs/index.js');
/** The soak: a minute at a rate that fills an 8 MiB queue of gzipped batches in ~20 s. */
const SECONDS = 60;
const RATE = 10_000;
const MIB = 1024 * 1024;
/** What the default budgets admit while exports fail (`maxQueueBytesWhileFailing`). */
const DEFAULT_WHILE_FAILING = MIB;
/** The last run keeps its whole budget through the outage: both budgets this size. */
const WHOLE_BUDGET = 8 * MIB;
/** An encoded batch of 512 of the fixture's spans is well under this, even as JSON. */
const BATCH_BYTES = MIB;
/** A batch held gzipped is well under this: the budget is reached within one of them. */
const HELD_BATCH_BYTES = 128 * 1024;

/** The budgets of one run; absent ones are the configured defaults. */
interface Budgets {
  maxQueueBytes?: number;
  maxQueueBytesWhileFailing?: number;
}

interface Sample {
  phase: 'run' | 'end';
  rss: number;
  counts: SpanExportCounts;
}

/** Runs the fixture app against `endpoint` for SECONDS and returns its per-second samples. */
function runApp(
  protocol: OtlpProtocol,
  endpoint: string,
  maxConcurrentExports = 1,
  budgets: Budgets = {},
) {
  return new Promise<Sample[]>((resolve, reject) => {
    const child = spawn(process.execPath, [FIXTURE], {
      cwd: path.join(__dirname, '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        PROTOCOL: protocol,
        ENDPOINT: endpoint,
        RATE: String(RATE),
        SECONDS: String(SECONDS),
        MAX_CONCURRENT_EXPORTS: String(maxConcurrentExports),
        ...(budgets.maxQueueBytes === undefined
          ? {}
          : { MAX_QUEUE_BYTES: String(budgets.maxQueueBytes) }),
        ...(budgets.maxQueueBytesWhileFailing === undefined
          ? {}
          : { MAX_QUEUE_BYTES_WHILE_FAILING: String(budgets.maxQueueBytesWhileFailing) }),
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), (SECONDS + 30) * 1000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(killer);
      if (code !== 0) {
        reject(new Error(`the app exited with ${code}: ${stderr}`));
        return;
      }
      resolve(
        stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as Sample),
      );
    });
  });
}

const endpointFor = (protocol: OtlpProtocol, port: number) =>
  protocol === 'grpc' ? `http://127.0.0.1:${port}` : `http://127.0.0.1:${port}/v1/traces`;

/**
 * What every run must show, whatever the protocol and the kind of outage; `admitted` is what the
 * queue admits while exports fail.
 */
function expectBounded(samples: Sample[], maxInFlight: number, admitted = DEFAULT_WHILE_FAILING) {
  const run = samples.filter((sample) => sample.phase === 'run');
  const end = samples.find((sample) => sample.phase === 'end');
  // One sample a second from a timer: on a loaded machine some come late, so not every second.
  expect(run.length).toBeGreaterThanOrEqual(SECONDS * 0.75);
  expect(end).toBeDefined();
  // In flight: never more than the configured limit, retries included.
  expect(
    Math.max(...samples.map((sample) => sample.counts.peakExportsInFlight)),
  ).toBeLessThanOrEqual(maxInFlight);
  // Held: never more bytes than what is admitted while failing, the batches in flight and what
  // was admitted in the second before an unanswered attempt counted as failing (the batch being
  // filled is at most 512 span objects); and that bound was reached: it is what held the line.
  const peakBytes = Math.max(...samples.map((sample) => sample.counts.peakQueuedBytes));
  expect(peakBytes).toBeLessThanOrEqual(admitted + BATCH_BYTES * (maxInFlight + 1));
  expect(peakBytes).toBeGreaterThan(admitted - HELD_BATCH_BYTES);
  // RSS flat once the queue is full: the last half of the run grows less than 32 MiB over the
  // sample taken at a quarter.
  const quarter = run[Math.floor(run.length / 4)] as Sample;
  const lastHalfPeak = Math.max(...run.slice(Math.floor(run.length / 2)).map((s) => s.rss));
  expect((lastHalfPeak - quarter.rss) / MIB).toBeLessThan(32);
  // Every span is accounted for: nothing silently lost.
  const counts = (end as Sample).counts;
  expect(counts.dropped).toBeGreaterThan(0);
  expect(counts.exported).toBe(0);
  expect(counts.ended).toBe(
    counts.exported + counts.failed + counts.dropped + counts.queued + counts.invalid,
  );
}

describe('export with the collector down (60 s at 10,000 spans/s, in a child process)', () => {
  const holes: BlackHole[] = [];

  beforeAll(() => {
    if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run "pnpm build" first`);
  });

  afterAll(async () => {
    await Promise.all(holes.map((hole) => hole.close()));
  });

  // The eight runs go in parallel: each is a minute of wall time, bounded by its own timer.
  it(
    'should keep exports in flight, spans held and RSS bounded on every protocol, against a closed port and a black hole',
    async () => {
      const protocols: OtlpProtocol[] = ['grpc', 'http/protobuf', 'http/json'];
      const closed = await Promise.all(protocols.map(() => freePort()));
      const blackHoles = await Promise.all(protocols.map(() => startBlackHole()));
      const twoInFlight = await startBlackHole();
      holes.push(...blackHoles, twoInFlight);

      const runs = await Promise.all([
        ...protocols.map((protocol, i) =>
          runApp(protocol, endpointFor(protocol, closed[i] as number)),
        ),
        ...protocols.map((protocol, i) =>
          runApp(protocol, endpointFor(protocol, (blackHoles[i] as BlackHole).port)),
        ),
        runApp('http/protobuf', endpointFor('http/protobuf', twoInFlight.port), 2),
        // The whole budget kept through the outage, on the encoding that fills it soonest.
        runApp('http/json', endpointFor('http/json', closed[2] as number), 1, {
          maxQueueBytes: WHOLE_BUDGET,
          maxQueueBytesWhileFailing: WHOLE_BUDGET,
        }),
      ]);

      for (const samples of runs.slice(0, 6)) expectBounded(samples, 1);
      expectBounded(runs[6] as Sample[], 2);
      expectBounded(runs[7] as Sample[], 1, WHOLE_BUDGET);
      // A black hole only ever sees the attempts in flight: one connection at a time per limit,
      // and attempts spaced by the export timeout (2 s) and the backoff, not a storm.
      for (const hole of blackHoles) {
        expect(hole.peakConnections).toBeLessThanOrEqual(2);
        expect(hole.acceptedConnections).toBeLessThanOrEqual(SECONDS / 2 + 5);
      }
      expect(twoInFlight.peakConnections).toBeLessThanOrEqual(3);
    },
    (SECONDS + 60) * 1000,
  );
});
