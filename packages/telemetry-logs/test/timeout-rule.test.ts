import { diag } from '@opentelemetry/api';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { initLoggerProvider } from '../src/index.js';
import { testLogsConfig } from './helpers/test-logs-config.js';

// Issue 9: one timeout rule on every handle (`resolveTimeout()` of @proc/telemetry-lifecycle):
// a timeoutMillis that is not a finite number > 0 warns, naming the method, and the default is used.
describe('LogsHandle', () => {
  afterEach(() => diag.disable());

  describe('forceFlush() and shutdown()', () => {
    it.each([-1, 0, Number.NaN, '5' as unknown as number])(
      'should warn about timeoutMillis %p and use the default',
      async (timeoutMillis) => {
        const diagLog = installTestDiagLogger();
        const handle = initLoggerProvider(testLogsConfig({ exporter: ['none'] }));
        await expect(handle.forceFlush({ timeoutMillis })).resolves.toBeUndefined();
        await expect(handle.shutdown({ timeoutMillis })).resolves.toBeUndefined();
        expect(
          diagLog.has(
            'warn',
            /^@proc\/telemetry-logs forceFlush: timeoutMillis must be a finite number > 0, .*using 30000/,
          ),
        ).toBe(true);
        expect(
          diagLog.has(
            'warn',
            /^@proc\/telemetry-logs shutdown: timeoutMillis must be a finite number > 0, .*using 30000/,
          ),
        ).toBe(true);
      },
    );
  });
});
