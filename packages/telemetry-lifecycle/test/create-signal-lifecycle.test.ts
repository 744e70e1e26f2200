import { DiagLogLevel, diag } from '@opentelemetry/api';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { createSignalLifecycle, type ShutdownCounts } from '../src/index.js';

const logger = diag.createComponentLogger({ namespace: '@proc/test' });

const counts = (overrides: Partial<ShutdownCounts> = {}): ShutdownCounts => ({
  exported: 3,
  failed: 0,
  dropped: 0,
  queued: 0,
  ...overrides,
});

function signalLifecycle(
  current: ShutdownCounts | undefined,
  shutdown: () => Promise<unknown> = () => Promise.resolve(),
  shutdownSummary = true,
) {
  const abandoned: number[] = [];
  const lifecycle = createSignalLifecycle({
    logger,
    signal: 'logs',
    items: 'log records',
    processorName: 'log record processor',
    timeoutMillis: 5000,
    flush: () => Promise.resolve(),
    shutdown,
    pipelines:
      current === undefined
        ? []
        : [
            { counts: () => current, abandon: () => abandoned.push(1) },
            // A second exporter's processor: abandoned too, never reported.
            { counts: () => ({ ...current, exported: -1 }), abandon: () => abandoned.push(2) },
          ],
    describeCounts: (c) => `${c.exported} exported, ${c.queued} still queued`,
    advice: 'size the queue for the load',
    shutdownSummary,
  });
  return { lifecycle, abandoned };
}

describe('createSignalLifecycle', () => {
  afterEach(() => diag.disable());

  describe('shutdown()', () => {
    it('should log one info line and resolve with the complete report when everything arrived', async () => {
      const diagLog = installTestDiagLogger({ logLevel: DiagLogLevel.INFO });
      const report = await signalLifecycle(counts()).lifecycle.shutdown();
      expect(report).toMatchObject({ signal: 'logs', items: 'log records', complete: true });
      expect(diagLog.texts('info')).toEqual([
        '@proc/test shutdown: log records 3 exported, 0 still queued',
      ]);
      expect(diagLog.texts('warn')).toEqual([]);
    });

    it('should warn with the advice when something was lost', async () => {
      const diagLog = installTestDiagLogger();
      const report = await signalLifecycle(counts({ dropped: 2 })).lifecycle.shutdown();
      expect(report?.complete).toBe(false);
      expect(diagLog.texts('warn')).toEqual([
        '@proc/test shutdown: log records 3 exported, 0 still queued; size the queue for the load',
      ]);
    });

    it('should count, abandon the queue and report the deadline when shutdown does not finish', async () => {
      const diagLog = installTestDiagLogger();
      const { lifecycle, abandoned } = signalLifecycle(
        counts({ queued: 4 }),
        () => new Promise(() => {}),
      );
      const report = await lifecycle.shutdown({ timeoutMillis: 20 });
      expect(abandoned).toEqual([1, 2]);
      expect(report).toMatchObject({ deadlineHit: true, dropped: { timeout: 4 } });
      expect(diagLog.texts('warn')).toEqual([
        '@proc/test shutdown: log records 3 exported, 4 still queued; not finished within 20 ms, the queued log records are lost',
      ]);
    });

    it('should leave the summary line out with shutdownSummary false, and report nothing without a processor', async () => {
      const diagLog = installTestDiagLogger({ logLevel: DiagLogLevel.INFO });
      const report = await signalLifecycle(
        counts({ failed: 1 }),
        undefined,
        false,
      ).lifecycle.shutdown();
      expect(report?.failed).toBe(1);
      expect(await signalLifecycle(undefined).lifecycle.shutdown()).toBeUndefined();
      expect(diagLog.texts('info')).toEqual([]);
      expect(diagLog.texts('warn')).toEqual([]);
    });
  });
});
