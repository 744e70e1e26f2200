import { logs, SeverityNumber } from '@opentelemetry/api-logs';
import type { OtlpReceiver } from '@proc/telemetry-testing';
import { initTelemetry, withSpan } from '../src/index.js';
import { PROTOCOLS, receiverEnv } from './helpers/receiver-env.js';
import { useSuiteReceiver } from './helpers/suite-receiver.js';

/** Names of the metrics that arrived, of the logs export path's self-telemetry. */
function logPathMetrics(receiver: OtlpReceiver): string[] {
  const names = receiver.metricPoints().map((point) => point.name);
  return [...new Set(names.filter((name) => /^otel\.sdk\.(processor|exporter)\.log\./.test(name)))];
}

// The logs pipeline of initTelemetry() is built on the first logger asked for
// (src/internal/create-lazy-logs.ts): what the app sees must be the same either way.
describe.each(PROTOCOLS)('initTelemetry logs, built on first use, over OTLP %s', (protocol) => {
  const suite = useSuiteReceiver();

  it('should shut down clean and report an empty logs signal when no logger was ever asked for', async () => {
    suite.telemetry = await initTelemetry({ env: receiverEnv(suite.receiver, protocol) });
    for (let i = 0; i < 3; i += 1) withSpan('event', () => undefined);
    expect(suite.telemetry.exportCounts().logs).toEqual(
      expect.objectContaining({ emitted: 0, exported: 0, queued: 0, dropped: 0, failed: 0 }),
    );

    const report = await suite.telemetry.shutdown({ timeoutMillis: 5000 });

    expect(report).toEqual({
      deadlineHit: false,
      complete: true,
      traces: expect.objectContaining({ exported: 3, complete: true }),
      metrics: expect.objectContaining({ complete: true }),
      logs: expect.objectContaining({ recorded: 0, exported: 0, failed: 0, complete: true }),
    });
    expect(suite.receiver.spans()).toHaveLength(3);
    expect(suite.receiver.logs()).toEqual([]);
    // The spans' self-telemetry arrived; a logs path that was never built has none.
    expect(suite.receiver.metricPoints().map((point) => point.name)).toContain(
      'otel.sdk.processor.span.processed',
    );
    expect(logPathMetrics(suite.receiver)).toEqual([]);
  });

  it('should export every record of a logger first asked for late, and its self-telemetry', async () => {
    suite.telemetry = await initTelemetry({ env: receiverEnv(suite.receiver, protocol) });
    withSpan('before-logs', () => undefined);
    await suite.telemetry.forceFlush({ timeoutMillis: 5000 });
    expect(suite.receiver.spans({ name: 'before-logs' })).toHaveLength(1);

    // Both ways an app gets a logger: from the providers and from the global API.
    suite.telemetry
      .logger('late-logger')
      .emit({ severityNumber: SeverityNumber.INFO, body: 'from suite.telemetry.logger()' });
    withSpan('with-log', () =>
      logs
        .getLogger('global-logger')
        .emit({ severityNumber: SeverityNumber.WARN, body: 'from logs.getLogger()' }),
    );

    const report = await suite.telemetry.shutdown({ timeoutMillis: 5000 });

    expect(report.logs).toEqual(
      expect.objectContaining({ recorded: 2, exported: 2, failed: 0, complete: true }),
    );
    const received = suite.receiver.logs();
    expect(received.map((record) => record.body).sort()).toEqual([
      'from logs.getLogger()',
      'from suite.telemetry.logger()',
    ]);
    const [span] = suite.receiver.spans({ name: 'with-log' });
    expect(received.find((record) => record.scope.name === 'global-logger')?.spanId).toBe(
      span?.spanId,
    );
    expect(received[0]?.resource['service.name']).toBe('umbrella-wire-test');
    expect(logPathMetrics(suite.receiver)).toEqual(
      expect.arrayContaining([
        'otel.sdk.processor.log.processed',
        'otel.sdk.exporter.log.exported',
      ]),
    );
  });

  it('should hand out loggers that drop records, and build nothing, after shutdown', async () => {
    suite.telemetry = await initTelemetry({ env: receiverEnv(suite.receiver, protocol) });
    const report = await suite.telemetry.shutdown({ timeoutMillis: 5000 });
    const metricsSent = suite.receiver.metricPoints().length;

    suite.telemetry
      .logger('too-late')
      .emit({ severityNumber: SeverityNumber.INFO, body: 'after shutdown' });
    await suite.telemetry.forceFlush({ timeoutMillis: 1000 });

    expect(report.logs).toEqual(expect.objectContaining({ recorded: 0, complete: true }));
    expect(suite.telemetry.exportCounts().logs).toEqual(expect.objectContaining({ emitted: 0 }));
    expect(suite.receiver.logs()).toEqual([]);
    expect(suite.receiver.metricPoints()).toHaveLength(metricsSent);
    expect(logPathMetrics(suite.receiver)).toEqual([]);
  });
});
