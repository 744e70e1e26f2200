// Starts the stack once for every e2e test file (building the binaries on first use). Plain
// CommonJS on the built package: jest runs global set-up outside its module mapper, which the
// sources' `.js` import paths need (`pnpm test:e2e` builds @proc/stack first).
const { e2eStack } = require('../dist/cjs/e2e-stack.js');

module.exports = async function globalSetup() {
  const started = Date.now();
  await e2eStack((line) => process.stdout.write(`\nstack: ${line}`)).up();
  process.stdout.write(`\nstack: up in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
};
