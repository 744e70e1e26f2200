import { shutdownReport } from '@proc/telemetry-lifecycle';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { summarizeShutdown } from '../../src/internal/shutdown-summary.js';
import { resetGlobals } from '../helpers/reset-globals.js';

const spanCounts = {
  ended: 10,
  exported: 7,
  failed: 0,
  dropped: 0,
  invalid: 0,
  queued: 3,
  open: 0,
  endedAfterShutdown: 0,
  exportsInFlight: 1,
  peakExportsInFlight: 1,
  queuedBytes: 600,
  peakQueuedBytes: 600,
};

describe('summarizeShutdown', () => {
  afterEach(() => resetGlobals());

  it('should report a signal from its counts when its handle had not answered by the deadline', () => {
    const diag = installTestDiagLogger();
    const summary = summarizeShutdown({ status: 'timeout' }, 100, {}, { traces: spanCounts });
    expect(summary).toEqual({
      deadlineHit: true,
      complete: false,
      traces: shutdownReport('traces', 'spans', spanCounts, true),
    });
    expect(
      diag.has(
        'warn',
        /shutdown: spans 10 ended, 7 exported, 0 failed, 0 dropped \(queue full\), 3 still queued, 0 still open; not finished within 100 ms$/,
      ),
    ).toBe(true);
  });

  it("should prefer the handle's own report to the counts", () => {
    installTestDiagLogger();
    const own = shutdownReport(
      'traces',
      'spans',
      { ...spanCounts, queued: 0, exported: 10 },
      false,
    );
    const summary = summarizeShutdown(
      { status: 'done' },
      100,
      { traces: own },
      { traces: spanCounts },
    );
    expect(summary).toEqual({ deadlineHit: false, complete: true, traces: own });
  });

  it('should log a failed shutdown as an error', () => {
    const diag = installTestDiagLogger();
    summarizeShutdown({ status: 'failed', error: new Error('boom') }, 100, {}, {});
    expect(diag.has('error', /shutdown failed/)).toBe(true);
  });
});
