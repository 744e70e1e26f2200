import { SeverityNumber } from '@opentelemetry/api-logs';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemoryLogRecordExporter, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import { loadConfig } from '@proc/telemetry-config';
import { createLazyLogs } from '../../src/internal/create-lazy-logs.js';

const resource = resourceFromAttributes({ 'service.name': 'lazy-logs-test' });

/** The logs section as OTEL_* variables give it; nothing is exported over the network here. */
function logsConfig(env: Record<string, string> = {}) {
  return loadConfig({ env: { OTEL_LOGS_EXPORTER: 'none', ...env } }).logs;
}

describe('createLazyLogs', () => {
  describe('with logRecordProcessors', () => {
    it('should build at once, so the app’s processors get every record and are shut down', async () => {
      const exporter = new InMemoryLogRecordExporter();
      const processor = new SimpleLogRecordProcessor({ exporter });
      const shutdown = jest.spyOn(processor, 'shutdown');
      const logs = createLazyLogs({
        config: logsConfig(),
        resource,
        logRecordProcessors: [processor],
      });

      logs.getLogger('app').emit({ severityNumber: SeverityNumber.INFO, body: 'kept' });
      await logs.forceFlush({ timeoutMillis: 1000 });
      // The in-memory exporter forgets its records when it is shut down: read them first.
      expect(exporter.getFinishedLogRecords().map((record) => record.body)).toEqual(['kept']);
      await logs.shutdown({ timeoutMillis: 1000 });

      expect(shutdown).toHaveBeenCalledTimes(1);
    });
  });

  describe('exportCounts and shutdown', () => {
    it('should report nothing for a section that exports nothing, as the built provider does', async () => {
      const logs = createLazyLogs({ config: logsConfig(), resource, logRecordProcessors: [] });

      expect(logs.exportCounts()).toBeUndefined();
      await expect(logs.shutdown({ timeoutMillis: 1000 })).resolves.toBeUndefined();
    });

    it('should report an exporting section never used as complete, with nothing emitted', async () => {
      const logs = createLazyLogs({
        config: logsConfig({ OTEL_LOGS_EXPORTER: 'otlp' }),
        resource,
        logRecordProcessors: [],
      });

      expect(logs.exportCounts()).toEqual(
        expect.objectContaining({ emitted: 0, exported: 0, queued: 0, dropped: 0, failed: 0 }),
      );
      await expect(logs.shutdown({ timeoutMillis: 1000 })).resolves.toEqual(
        expect.objectContaining({ signal: 'logs', recorded: 0, exported: 0, complete: true }),
      );
    });
  });

  describe('getLogger', () => {
    it('should build the provider on the first call and count what its loggers emit', async () => {
      const logs = createLazyLogs({
        config: logsConfig({ OTEL_LOGS_EXPORTER: 'console' }),
        resource,
        logRecordProcessors: [],
      });
      const write = jest.spyOn(console, 'dir').mockImplementation(() => undefined);

      logs.provider.getLogger('first').emit({ severityNumber: SeverityNumber.INFO, body: 'one' });
      logs.getLogger('second').emit({ severityNumber: SeverityNumber.INFO, body: 'two' });
      await logs.forceFlush({ timeoutMillis: 1000 });

      expect(logs.exportCounts()).toEqual(expect.objectContaining({ emitted: 2, exported: 2 }));
      expect(write).toHaveBeenCalledTimes(2);
      await logs.shutdown({ timeoutMillis: 1000 });
    });
  });
});
