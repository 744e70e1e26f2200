import { initTelemetry, withSpan } from '@proc/telemetry';
import { createLogger } from '../src/logger.js';

describe('createLogger', () => {
  const now = () => new Date('2026-01-02T03:04:05.678Z');

  it('should write time, level, message and fields as key=value', () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (l) => lines.push(l), now });
    logger.info('window emitted', { window: 'order@0', count: 3, note: 'two words' });
    expect(lines).toEqual([
      '03:04:05.678 INFO  window emitted window=order@0 count=3 note="two words"\n',
    ]);
  });

  it('should skip levels below the minimum', () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (l) => lines.push(l), level: 'warn', now });
    logger.info('hidden');
    logger.warn('shown');
    expect(lines).toHaveLength(1);
  });

  it('should add the trace and span ids of the active span', async () => {
    // The real wiring (context manager, sampler), exporting nowhere.
    const telemetry = await initTelemetry({
      env: {},
      config: { traces: { exporter: 'none' }, metrics: { exporter: 'none' }, logLevel: 'none' },
    });
    try {
      const lines: string[] = [];
      const logger = createLogger({ write: (l) => lines.push(l), now });
      const ids = withSpan('work', (span) => {
        logger.warn('in span');
        return span.spanContext();
      });
      logger.warn('outside');
      expect(lines[0]).toContain(`trace_id=${ids.traceId} span_id=${ids.spanId} trace_flags=01`);
      expect(lines[1]).not.toContain('trace_id');
    } finally {
      await telemetry.shutdown();
    }
  });
});
