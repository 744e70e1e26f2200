// `pnpm test:e2e`: the demo against the real stack (collector, Jaeger, Prometheus), which the
// global setup starts (building it on first use) and the global teardown stops. Not part of
// `pnpm test`: that one needs only Node, npm and the Debian tools.
const path = require('node:path');

module.exports = require('@proc/jest-config')({
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  globalSetup: '<rootDir>/e2e/global-setup.js',
  globalTeardown: '<rootDir>/e2e/global-teardown.js',
  // One stack, one collector to restart: the files run one after another.
  maxWorkers: 1,
  testTimeout: 180_000,
  reporters: ['default', path.join(__dirname, 'e2e', 'results-reporter.js')],
});
