// The measuring half of the bench harness: a baseline and a candidate measured in the same
// process, in interleaved rounds (each round alternates which side goes first, so drift of a
// shared, loaded machine hits both), each side's round measured by mitata (warm-up, batching,
// many samples, median of them), reported as the median ratio candidate/baseline over the rounds
// and its spread. Never asserted anywhere: absolute numbers depend on the machine, ratios much
// less so.
import { measure } from 'mitata';

/** True under `pnpm bench --quick` (the runner sets BENCH_QUICK=1): fewer, shorter rounds. */
export const quick = process.env.BENCH_QUICK === '1';

/** Rounds per comparison: enough for a median and a spread on a loaded 2-core machine. */
export const defaultRounds = quick ? 3 : 15;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Runs `baseline` and `candidate` (async functions, each returning one number for one round)
 * alternately for `rounds` rounds and summarises them. `better` says which way the ratio is good.
 * @returns {{ baselineValue: number, candidateValue: number, ratio: number, low: number, high: number, rounds: number }}
 */
export async function interleave(baseline, candidate, { rounds = defaultRounds } = {}) {
  const base = [];
  const cand = [];
  const ratios = [];
  for (let round = 0; round < rounds; round++) {
    let b;
    let c;
    if (round % 2 === 0) {
      b = await baseline(round);
      c = await candidate(round);
    } else {
      c = await candidate(round);
      b = await baseline(round);
    }
    base.push(b);
    cand.push(c);
    ratios.push(c / b);
  }
  return {
    baselineValue: median(base),
    candidateValue: median(cand),
    ratio: median(ratios),
    low: Math.min(...ratios),
    high: Math.max(...ratios),
    rounds,
  };
}

/**
 * The process's CPU time (user + system) in nanoseconds, mitata's clock here: on a shared machine
 * a wall clock also counts the time the thread waits for a core, which moves a round by 10× at a
 * load of 30 on 2 cores; CPU time counts only the work. Microsecond resolution, so samples are
 * batches of hundreds of calls.
 */
function cpuClock() {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

/**
 * Nanoseconds of CPU per call of two synchronous functions, compared: a warm-up of both, then
 * interleaved rounds, each round's figure the median of mitata's samples.
 * @param {() => unknown} baseline
 * @param {() => unknown} candidate
 * @param {{ rounds?: number, roundMillis?: number }} [options] roundMillis: CPU milliseconds per side per round
 */
export async function compareCalls(baseline, candidate, options = {}) {
  const roundMillis = options.roundMillis ?? (quick ? 5 : 25);
  // Calls per sample: mitata's default (4096) makes a sample of a µs-scale call take many ms, so
  // its minimum of 12 samples would overrun the round's time budget on a loaded machine.
  const opts = {
    now: cpuClock,
    min_cpu_time: roundMillis * 1e6,
    min_samples: 12,
    warmup_samples: 2,
    batch_samples: quick ? 128 : 512,
  };
  await measure(baseline, opts); // warm-up, both: JIT and inline caches settle before round 0
  await measure(candidate, opts);
  const p50 = async (fn) => (await measure(fn, opts)).p50;
  return {
    unit: 'ns/call',
    better: 'lower',
    ...(await interleave(
      () => p50(baseline),
      () => p50(candidate),
      options,
    )),
  };
}
