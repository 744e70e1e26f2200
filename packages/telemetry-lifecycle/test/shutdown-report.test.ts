import { describeShutdownReport, shutdownReport } from '../src/index.js';

describe('shutdownReport', () => {
  it('should call a shutdown complete when nothing was lost', () => {
    const report = shutdownReport(
      'traces',
      'spans',
      { exported: 5, failed: 0, dropped: 0, queued: 0 },
      false,
    );
    expect(report).toEqual({
      signal: 'traces',
      items: 'spans',
      exported: 5,
      failed: 0,
      dropped: { queueFull: 0, timeout: 0, shutdown: 0, invalid: 0 },
      open: 0,
      deadlineHit: false,
      complete: true,
    });
  });

  it('should sort what was lost by reason', () => {
    const report = shutdownReport(
      'traces',
      'spans',
      { exported: 1, failed: 2, dropped: 3, queued: 4, invalid: 5, open: 6, endedAfterShutdown: 7 },
      true,
    );
    expect(report).toMatchObject({
      failed: 2,
      dropped: { queueFull: 3, timeout: 4, shutdown: 7, invalid: 5 },
      open: 6,
      deadlineHit: true,
      complete: false,
    });
  });

  it.each([[{ failed: 1 }], [{ dropped: 1 }], [{ queued: 1 }], [{ open: 1 }]])(
    'should not call a shutdown with %p complete',
    (counts) => {
      const report = shutdownReport(
        'traces',
        'spans',
        { exported: 0, failed: 0, dropped: 0, queued: 0, ...counts },
        false,
      );
      expect(report.complete).toBe(false);
    },
  );

  it('should not call a shutdown that hit its deadline complete', () => {
    const report = shutdownReport(
      'metrics',
      'metric data points',
      { exported: 1, failed: 0, dropped: 0, queued: 0 },
      true,
    );
    expect(report.complete).toBe(false);
  });
});

describe('describeShutdownReport', () => {
  it('should give every count of spans, and the unusual ones only when there are some', () => {
    const counts = { ended: 129, exported: 120, failed: 3, dropped: 0, queued: 5, open: 1 };
    expect(describeShutdownReport(shutdownReport('traces', 'spans', counts, true))).toBe(
      'spans 129 ended, 120 exported, 3 failed, 0 dropped (queue full), 5 still queued, 1 still open',
    );
    const more = { ...counts, invalid: 2, endedAfterShutdown: 4 };
    expect(describeShutdownReport(shutdownReport('traces', 'spans', more, true))).toBe(
      'spans 129 ended, 120 exported, 3 failed, 0 dropped (queue full), 5 still queued, 2 unencodable, 4 ended after shutdown, 1 still open',
    );
  });

  it('should name what a signal accepted by its verb: spans ended, log records emitted', () => {
    const spans = shutdownReport(
      'traces',
      'spans',
      { ended: 7, exported: 7, failed: 0, dropped: 0, queued: 0 },
      false,
    );
    expect(spans.recorded).toBe(7);
    expect(describeShutdownReport(spans)).toMatch(/^spans 7 ended, 7 exported,/);
    const logs = shutdownReport(
      'logs',
      'log records',
      { emitted: 3, exported: 3, failed: 0, dropped: 0, queued: 0 },
      false,
    );
    expect(describeShutdownReport(logs)).toMatch(/^log records 3 emitted, 3 exported,/);
  });

  it('should leave open spans out of other signals', () => {
    const report = shutdownReport(
      'metrics',
      'metric data points',
      { exported: 40, failed: 0, dropped: 0, queued: 0 },
      false,
    );
    expect(describeShutdownReport(report)).toBe(
      'metric data points 40 exported, 0 failed, 0 dropped (queue full), 0 still queued',
    );
  });
});
