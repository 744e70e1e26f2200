#!/usr/bin/env node
// Prints one closing line for the whole workspace from each package's test-results.json
// (written by tooling/jest/summary-reporter.js). Exits non-zero when a package has no results
// or a test was skipped, so a run that silently tested less than it claims cannot pass.
import fs from 'node:fs';
import path from 'node:path';

// The test packages that sit next to what they test (infra/, docs/, examples/) are roots themselves.
const roots = [
  ...['packages', 'apps', 'tooling'].flatMap((dir) =>
    fs.existsSync(dir) ? fs.readdirSync(dir).map((name) => path.join(dir, name)) : [],
  ),
  'infra',
  'docs',
  'examples',
];
const total = { passed: 0, failed: 0, skipped: 0 };
const missing = [];
for (const root of roots) {
  if (!fs.existsSync(path.join(root, 'jest.config.js'))) continue;
  const file = path.join(root, 'test-results.json');
  if (!fs.existsSync(file)) {
    missing.push(root);
    continue;
  }
  const result = JSON.parse(fs.readFileSync(file, 'utf8'));
  console.log(
    `${root}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`,
  );
  total.passed += result.passed;
  total.failed += result.failed + result.suitesFailed;
  total.skipped += result.skipped;
}
for (const root of missing) console.error(`${root}: no test results (did its tests run?)`);
console.log(`Tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
if (total.skipped > 0)
  console.error('Skipped or todo tests: a test that does not run is a defect here.');
const ok = total.failed === 0 && total.skipped === 0 && missing.length === 0 && total.passed > 0;
process.exit(ok ? 0 : 1);
