import { resourceFromAttributes } from '@opentelemetry/resources';
import { loadConfig } from '@proc/telemetry-config';
import type { MetricsHandle } from '@proc/telemetry-metrics';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import type { TracingHandle } from '@proc/telemetry-tracing';
import type { LiveLogs } from '../../src/internal/create-lazy-logs.js';
import { createLiveProviders } from '../../src/internal/create-live-providers.js';
import { resetGlobals } from '../helpers/reset-globals.js';

type Lifecycle = Pick<TracingHandle, 'forceFlush' | 'shutdown'> & {
  exportCounts?: () => undefined;
};

/** Live providers over stand-in handles; `release` counts its calls. */
function liveProviders(tracing: Lifecycle, metrics: Lifecycle = tracing) {
  const released = { count: 0 };
  const providers = createLiveProviders({
    config: loadConfig({ env: {} }),
    resource: resourceFromAttributes({}),
    tracing: { exportCounts: () => undefined, ...tracing } as TracingHandle,
    metrics: { exportCounts: () => undefined, ...metrics } as unknown as MetricsHandle,
    logs: { exportCounts: () => undefined, ...metrics } as unknown as LiveLogs,
    shutdownTimeoutMillis: 50,
    release: () => {
      released.count++;
    },
  });
  return { providers, released };
}

const settled: Lifecycle = { forceFlush: async () => {}, shutdown: async () => undefined };

describe('createLiveProviders', () => {
  afterEach(() => resetGlobals());

  describe('shutdown', () => {
    it('should resolve and release when a handle throws synchronously', async () => {
      const diag = installTestDiagLogger();
      const throwing: Lifecycle = {
        forceFlush: () => {
          throw new Error('sync flush');
        },
        shutdown: () => {
          throw new Error('sync shutdown');
        },
      };
      const { providers, released } = liveProviders(throwing, settled);

      await expect(providers.forceFlush()).resolves.toBeUndefined();
      await expect(providers.shutdown()).resolves.toEqual({ deadlineHit: false, complete: true });

      expect(released.count).toBe(1);
      expect(diag.has('error', /forceFlush failed.*sync flush/)).toBe(true);
      expect(diag.has('error', /shutdown failed.*sync shutdown/)).toBe(true);
    });

    it('should resolve by the deadline and release when a handle never settles', async () => {
      const diag = installTestDiagLogger();
      const hanging: Lifecycle = {
        forceFlush: () => new Promise(() => undefined),
        shutdown: () => new Promise(() => undefined),
      };
      const { providers, released } = liveProviders(hanging, settled);

      await expect(providers.shutdown({ timeoutMillis: 20 })).resolves.toEqual({
        deadlineHit: true,
        complete: false,
      });

      expect(released.count).toBe(1);
      expect(
        diag.has(
          'warn',
          /shutdown: not finished within 20 ms; not delivered: nothing was being exported/,
        ),
      ).toBe(true);
    });
  });
});
