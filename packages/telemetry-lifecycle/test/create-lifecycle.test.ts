import { diag } from '@opentelemetry/api';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { createLifecycle, type LifecycleOptions, type SettleOutcome } from '../src/index.js';

const logger = diag.createComponentLogger({ namespace: '@proc/test' });

function lifecycleOf(overrides: Partial<LifecycleOptions> = {}) {
  const calls = { flush: [] as number[], shutdown: [] as number[] };
  const lifecycle = createLifecycle({
    logger,
    shutdownTimeoutMillis: 5000,
    flush: async (ms) => {
      calls.flush.push(ms);
    },
    shutdown: async (ms) => {
      calls.shutdown.push(ms);
    },
    ...overrides,
  });
  return { lifecycle, calls };
}

describe('createLifecycle', () => {
  afterEach(() => diag.disable());

  describe('shutdown()', () => {
    it('should run shutdown once with the default deadline and return the same promise on a second call, with a warning', async () => {
      const diagLog = installTestDiagLogger();
      const { lifecycle, calls } = lifecycleOf();
      const first = lifecycle.shutdown();
      const second = lifecycle.shutdown({ timeoutMillis: 10 });
      expect(second).toBe(first);
      await first;
      expect(calls.shutdown).toEqual([5000]);
      expect(lifecycle.isShutdown).toBe(true);
      expect(diagLog.has('warn', /^@proc\/test shutdown\(\) called more than once/)).toBe(true);
    });

    it.each([
      ['a rejection', () => Promise.reject(new Error('boom')), 'failed'],
      [
        'a synchronous throw',
        () => {
          throw new Error('sync');
        },
        'failed',
      ],
      ['a promise that never settles', () => new Promise(() => undefined), 'timeout'],
    ] as const)('should resolve and hand %s to afterShutdown', async (_, shutdown, status) => {
      const outcomes: SettleOutcome[] = [];
      const { lifecycle } = lifecycleOf({
        shutdown: shutdown as LifecycleOptions['shutdown'],
        afterShutdown: (outcome) => outcomes.push(outcome),
      });
      await expect(lifecycle.shutdown({ timeoutMillis: 20 })).resolves.toBeUndefined();
      expect(outcomes.map((outcome) => outcome.status)).toEqual([status]);
    });

    it('should report a missed deadline and a failure itself when there is no afterShutdown', async () => {
      const diagLog = installTestDiagLogger();
      const { lifecycle } = lifecycleOf({ shutdown: () => new Promise(() => undefined) });
      await lifecycle.shutdown({ timeoutMillis: 20 });
      expect(diagLog.has('warn', /shutdown: not finished within 20 ms/)).toBe(true);
    });

    it('should not let a throwing afterShutdown reject', async () => {
      const diagLog = installTestDiagLogger();
      const { lifecycle } = lifecycleOf({
        afterShutdown: () => {
          throw new Error('report broke');
        },
      });
      await expect(lifecycle.shutdown()).resolves.toBeUndefined();
      expect(diagLog.has('error', /reporting the outcome failed/)).toBe(true);
    });
  });

  describe('forceFlush()', () => {
    it('should flush with the flush default (30000) and warn after shutdown', async () => {
      const diagLog = installTestDiagLogger();
      const { lifecycle, calls } = lifecycleOf();
      await lifecycle.forceFlush();
      await lifecycle.shutdown();
      await lifecycle.forceFlush();
      expect(calls.flush).toEqual([30_000]);
      expect(diagLog.has('warn', /forceFlush\(\) after shutdown\(\) does nothing/)).toBe(true);
    });
  });

  describe('the timeout rule', () => {
    it.each([-1, 0, Number.NaN, Number.POSITIVE_INFINITY, '5', null])(
      'should warn about %p and use the default, for flush and shutdown alike',
      async (timeoutMillis) => {
        const diagLog = installTestDiagLogger();
        const { lifecycle, calls } = lifecycleOf();
        await lifecycle.forceFlush({ timeoutMillis: timeoutMillis as number });
        await lifecycle.shutdown({ timeoutMillis: timeoutMillis as number });
        expect(calls).toEqual({ flush: [30_000], shutdown: [5000] });
        expect(
          diagLog.has(
            'warn',
            /forceFlush: timeoutMillis must be a finite number > 0, got .*; using 30000/,
          ),
        ).toBe(true);
        expect(
          diagLog.has(
            'warn',
            /shutdown: timeoutMillis must be a finite number > 0, got .*; using 5000/,
          ),
        ).toBe(true);
      },
    );
  });
});
