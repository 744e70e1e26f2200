// Writes the e2e run's counts to e2e-results.json, from which scripts/run-e2e-tests.sh prints
// the closing line (after the global teardown has stopped the stack, so it is the last line).
const fs = require('node:fs');
const path = require('node:path');

class ResultsReporter {
  onRunComplete(_contexts, results) {
    const summary = {
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      suitesFailed: results.numFailedTestSuites + results.numRuntimeErrorTestSuites,
    };
    fs.writeFileSync(
      path.join(__dirname, '..', 'e2e-results.json'),
      `${JSON.stringify(summary)}\n`,
    );
  }
}

module.exports = ResultsReporter;
