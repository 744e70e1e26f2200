// Stops every process of the e2e stack, whatever the tests did.
const { e2eStack } = require('../dist/cjs/e2e-stack.js');

module.exports = async function globalTeardown() {
  await e2eStack((line) => process.stdout.write(`stack: ${line}\n`)).down();
};
