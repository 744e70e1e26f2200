// Shared jest preset: TypeScript through @swc/jest, workspace packages resolved to their
// sources so a test never runs against a stale dist/.
const path = require('node:path');

const packagesDir = path.resolve(__dirname, '../../packages');

/** @returns {import('jest').Config} */
module.exports = function createJestConfig(overrides = {}) {
  return {
    testEnvironment: 'node',
    roots: ['<rootDir>/test'],
    testMatch: ['**/*.test.ts'],
    transform: {
      '^.+\\.(t|j)sx?$': [
        '@swc/jest',
        {
          jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
          module: { type: 'commonjs' },
        },
      ],
    },
    moduleNameMapper: {
      '^@proc/(telemetry(?:-[a-z]+)?)$': `${packagesDir}/$1/src/index.ts`,
      // Subpath exports (`@proc/telemetry/semconv`): src/<subpath>.ts, as package.json maps it.
      '^@proc/(telemetry(?:-[a-z]+)?)/([a-z-]+)$': `${packagesDir}/$1/src/$2.ts`,
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    restoreMocks: true,
    reporters: ['default', path.join(__dirname, 'summary-reporter.js')],
    testTimeout: 30_000,
    ...overrides,
  };
};
