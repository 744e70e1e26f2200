import { diag } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { defaultTelemetryConfig } from '@proc/telemetry-config';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { createNoopProviders } from '../../src/internal/create-noop-providers.js';

describe('createNoopProviders', () => {
  afterEach(() => diag.disable());

  describe('shutdown()', () => {
    it('should run onShutdown once, resolve complete, and answer a second call as every handle does', async () => {
      const diagLog = installTestDiagLogger();
      const calls: number[] = [];
      const providers = createNoopProviders(
        { ...defaultTelemetryConfig(), disabled: true },
        resourceFromAttributes({}),
        () => calls.push(1),
      );
      const first = providers.shutdown();
      const second = providers.shutdown();
      expect(second).toBe(first);
      await expect(first).resolves.toEqual({ deadlineHit: false, complete: true });
      expect(calls).toEqual([1]);
      expect(
        diagLog.has(
          'warn',
          /^@proc\/telemetry shutdown\(\) called more than once; returning the first call/,
        ),
      ).toBe(true);
    });

    it('should warn about an unusable timeout and use the default (the one timeout rule)', async () => {
      const diagLog = installTestDiagLogger();
      const providers = createNoopProviders(
        defaultTelemetryConfig(),
        resourceFromAttributes({}),
        () => {},
      );
      await expect(providers.shutdown({ timeoutMillis: Number.NaN })).resolves.toMatchObject({
        complete: true,
      });
      expect(diagLog.has('warn', /shutdown: timeoutMillis must be a finite number > 0/)).toBe(true);
    });
  });
});
