#!/usr/bin/env node
// Prints the closing line of `pnpm test:e2e` in the format of the default suite's
// (scripts/test-summary.mjs). Exits non-zero when the run has no results, no passed test or a
// skipped one, so an e2e run that silently tested less than it claims cannot pass.
import fs from 'node:fs';

const file = process.argv[2];
if (!fs.existsSync(file)) {
  console.error(`${file}: no e2e results (did the global set-up fail? see above)`);
  console.log('Tests: 0 passed, 1 failed, 0 skipped');
  process.exit(1);
}
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
const failed = r.failed + r.suitesFailed;
console.log(`Tests: ${r.passed} passed, ${failed} failed, ${r.skipped} skipped`);
if (r.skipped > 0)
  console.error('Skipped or todo tests: a test that does not run is a defect here.');
process.exit(failed === 0 && r.skipped === 0 && r.passed > 0 ? 0 : 1);
