// The contract between a suite file and the runner (see bench/README.md): a suite calls
// reportSuite() once per suite it measured; the runner collects the JSON files this writes into
// BENCH_RESULTS_DIR and renders docs/benchmarks.md from them. Run alone (`node x.bench.mjs`), a
// suite just prints its table.
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { renderSuiteTable } from './markdown.mjs';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function check(suite) {
  const fail = (message) => {
    throw new Error(`@proc/bench: suite ${JSON.stringify(suite?.id)}: ${message}`);
  };
  if (typeof suite?.id !== 'string' || !ID.test(suite.id)) fail('id must be a kebab-case string');
  if (typeof suite.title !== 'string' || suite.title === '')
    fail('title must be a non-empty string');
  if (!Array.isArray(suite.rows) || suite.rows.length === 0) fail('rows must be a non-empty array');
  for (const [i, row] of suite.rows.entries()) {
    if (typeof row.case !== 'string') fail(`rows[${i}].case must be a string`);
    for (const field of ['baselineValue', 'candidateValue', 'ratio', 'low', 'high']) {
      if (typeof row[field] !== 'number' || Number.isNaN(row[field]))
        fail(`rows[${i}].${field} must be a number`);
    }
    if (row.better !== 'lower' && row.better !== 'higher')
      fail(`rows[${i}].better must be "lower" or "higher"`);
    if (
      row.target !== undefined &&
      typeof row.target?.max !== 'number' &&
      typeof row.target?.min !== 'number'
    )
      fail(`rows[${i}].target must be { max: number } or { min: number }`);
  }
}

/**
 * Hands one measured suite to the runner and prints its table.
 * @param {{ id: string, title: string, description?: string, notes?: string[], rows: Array<{
 *   case: string, baseline?: string, unit?: string, baselineValue: number, candidateValue: number,
 *   ratio: number, low: number, high: number, rounds?: number, better: 'lower' | 'higher',
 *   target?: { max?: number, min?: number }, detail?: string }> }} suite
 */
export function reportSuite(suite) {
  check(suite);
  console.log(`\n${renderSuiteTable(suite)}`);
  const dir = process.env.BENCH_RESULTS_DIR;
  const record = { ...suite, file: basename(process.argv[1] ?? '') };
  if (dir) writeFileSync(join(dir, `${suite.id}.json`), `${JSON.stringify(record, null, 2)}\n`);
}
