// Ratios of a candidate against a baseline measured in the same process, in interleaved rounds
// (each round alternates which runs first), reported as the median ratio and its spread. Never
// asserted: absolute numbers depend on the machine, ratios much less so.

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Nanoseconds per call of `fn` over `iterations` calls. */
function time(fn, iterations) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn(i);
  return Number(process.hrtime.bigint() - start) / iterations;
}

/**
 * Median ns/call of both functions, and the median, lowest and highest ratio candidate/baseline
 * over `rounds` interleaved rounds.
 */
export function compare(baseline, candidate, { iterations = 100_000, rounds = 11 } = {}) {
  time(baseline, iterations); // warm-up, both
  time(candidate, iterations);
  const base = [];
  const cand = [];
  const ratios = [];
  for (let round = 0; round < rounds; round++) {
    let b;
    let c;
    if (round % 2 === 0) {
      b = time(baseline, iterations);
      c = time(candidate, iterations);
    } else {
      c = time(candidate, iterations);
      b = time(baseline, iterations);
    }
    base.push(b);
    cand.push(c);
    ratios.push(c / b);
  }
  return {
    baselineNs: median(base),
    candidateNs: median(cand),
    ratio: median(ratios),
    low: Math.min(...ratios),
    high: Math.max(...ratios),
  };
}

/** Prints one table row per case. */
export function printRows(title, rows) {
  console.log(`\n${title}`);
  console.log('| case | baseline ns | ours ns | ratio (median) | spread |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const [name, r] of rows) {
    console.log(
      `| ${name} | ${r.baselineNs.toFixed(0)} | ${r.candidateNs.toFixed(0)} | ${r.ratio.toFixed(2)}× | ${r.low.toFixed(2)}–${r.high.toFixed(2)} |`,
    );
  }
}
