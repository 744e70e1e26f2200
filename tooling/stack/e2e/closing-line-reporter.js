// Prints the closing line `pnpm test` prints (scripts/test-summary.mjs), for the e2e run.
class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const failed =
      results.numFailedTests + results.numFailedTestSuites + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    console.log(`Tests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
  }
}

module.exports = ClosingLineReporter;
