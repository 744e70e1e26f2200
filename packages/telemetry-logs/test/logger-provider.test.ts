import { context, DiagLogLevel, diag, ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ConsoleLogRecordExporter, type LogRecordProcessor } from '@opentelemetry/sdk-logs';
import { TelemetryConfigError } from '@proc/telemetry-config';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { initLoggerProvider, type LogsHandle, shutdownLoggerProvider } from '../src/index.js';
import { TestLogRecordExporter } from './helpers/test-log-record-exporter.js';
import { testLogsConfig } from './helpers/test-logs-config.js';

const SPAN_CONTEXT = {
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  traceFlags: TraceFlags.SAMPLED,
};

describe('initLoggerProvider', () => {
  let handle: LogsHandle | undefined;

  beforeEach(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  });

  afterEach(async () => {
    await handle?.shutdown({ timeoutMillis: 2000 });
    handle = undefined;
    context.disable();
    diag.disable();
  });

  function withMemory(overrides: Parameters<typeof testLogsConfig>[0] = {}) {
    const exporter = new TestLogRecordExporter();
    handle = initLoggerProvider(
      testLogsConfig(overrides),
      resourceFromAttributes({ 'service.name': 'unit' }),
      { exporter },
    );
    return { handle, exporter };
  }

  describe('getLogger()', () => {
    it('should export every record with its severity, body, attributes and resource', async () => {
      const { handle, exporter } = withMemory();
      const logger = handle.getLogger('orders', '1.2.3');
      for (let i = 0; i < 5; i++) {
        logger.emit({
          severityNumber: SeverityNumber.WARN,
          severityText: 'WARN',
          body: `record ${i}`,
          attributes: { 'order.id': i },
        });
      }
      await handle.forceFlush();
      const records = exporter.records;
      expect(records.map((r) => r.body)).toEqual([0, 1, 2, 3, 4].map((i) => `record ${i}`));
      expect(records[0]).toMatchObject({
        severityNumber: SeverityNumber.WARN,
        severityText: 'WARN',
        attributes: { 'order.id': 0 },
        instrumentationScope: { name: 'orders', version: '1.2.3' },
      });
      expect(records[0]?.resource.attributes['service.name']).toBe('unit');
      expect(handle.exportCounts()).toMatchObject({ emitted: 5, exported: 5, queued: 0 });
    });

    it("should carry the active span's trace id, span id and flags", async () => {
      const { handle, exporter } = withMemory();
      const active = trace.setSpanContext(ROOT_CONTEXT, SPAN_CONTEXT);
      context.with(active, () => handle.getLogger('t').emit({ body: 'inside' }));
      handle.getLogger('t').emit({ body: 'outside' });
      await handle.forceFlush();
      const [inside, outside] = exporter.records;
      expect(inside?.spanContext).toMatchObject(SPAN_CONTEXT);
      expect(outside?.spanContext).toBeUndefined();
    });

    it('should apply the record limits of the section', async () => {
      const { handle, exporter } = withMemory({
        limits: { attributeCountLimit: 2, attributeValueLengthLimit: 3 },
      });
      handle.getLogger('t').emit({ body: 'x', attributes: { a: 'abcdef', b: 1, c: 2 } });
      await handle.forceFlush();
      const [record] = exporter.records;
      expect(record?.attributes).toEqual({ a: 'abc', b: 1 });
      expect(record?.droppedAttributesCount).toBe(1);
    });
  });

  describe('exporters', () => {
    it('should print to the console exporter', async () => {
      const exported = jest
        .spyOn(ConsoleLogRecordExporter.prototype, 'export')
        .mockImplementation((_records, done) => done({ code: 0 }));
      handle = initLoggerProvider(testLogsConfig({ exporter: ['console'] }));
      handle.getLogger('t').emit({ body: 'printed' });
      await handle.shutdown();
      expect(exported).toHaveBeenCalledTimes(1);
      expect(handle.exportCounts()).toMatchObject({ emitted: 1, exported: 1 });
    });

    it.each([
      ['exporter none', { exporter: ['none' as const] }],
      ['enabled false', { enabled: false }],
    ])(
      'should export nothing with %s, and still run extra processors',
      async (_case, overrides) => {
        const seen: string[] = [];
        const processor: LogRecordProcessor = {
          onEmit: (record) => void seen.push(String(record.body)),
          forceFlush: async () => undefined,
          shutdown: async () => undefined,
        };
        handle = initLoggerProvider(testLogsConfig(overrides), undefined, {
          logRecordProcessors: [processor],
        });
        handle.getLogger('t').emit({ body: 'kept locally' });
        expect(handle.exportCounts()).toBeUndefined();
        expect(seen).toEqual(['kept locally']);
      },
    );

    it('should throw a TelemetryConfigError naming every invalid field', () => {
      const config = testLogsConfig({ batch: { maxQueueSize: 0 } });
      expect(() => initLoggerProvider({ ...config, exporter: 'syslog' as never })).toThrow(
        TelemetryConfigError,
      );
      try {
        initLoggerProvider({ ...config, exporter: 'syslog' as never });
      } catch (error) {
        expect((error as TelemetryConfigError).issues.map((issue) => issue.path)).toEqual([
          'logs.exporter',
          'logs.batch.maxQueueSize',
          'logs.batch.maxExportBatchSize',
        ]);
      }
    });
  });

  describe('shutdownLoggerProvider()', () => {
    it('should export a record emitted just before it and report the counts in one line', async () => {
      const diagLog = installTestDiagLogger({ logLevel: DiagLogLevel.INFO });
      const { handle: logging, exporter } = withMemory({ batch: { scheduledDelayMillis: 60_000 } });
      logging.getLogger('t').emit({ body: 'last words' });
      await expect(shutdownLoggerProvider(logging, { timeoutMillis: 5000 })).resolves.toEqual({
        signal: 'logs',
        items: 'log records',
        recorded: 1,
        exported: 1,
        failed: 0,
        dropped: { queueFull: 0, timeout: 0, shutdown: 0, invalid: 0 },
        open: 0,
        deadlineHit: false,
        complete: true,
      });
      expect(exporter.records.map((r) => r.body)).toEqual(['last words']);
      expect(exporter.shutdownCalls).toBe(1);
      expect(diagLog.texts('info')).toContain(
        '@proc/telemetry-logs shutdown: log records 1 emitted, 1 exported, 0 still queued, 0 dropped (queue full), 0 failed, 0 unencodable',
      );
    });

    it('should not log the summary with shutdownSummary: false, and still report', async () => {
      const diagLog = installTestDiagLogger({ logLevel: DiagLogLevel.INFO });
      handle = initLoggerProvider(testLogsConfig(), undefined, {
        exporter: new TestLogRecordExporter(),
        shutdownSummary: false,
      });
      handle.getLogger('t').emit({ body: 'quiet' });
      const logging = handle;
      handle = undefined;
      await expect(logging.shutdown()).resolves.toMatchObject({ exported: 1 });
      expect(diagLog.has('info', /shutdown: log records/)).toBe(false);
    });

    it('should warn on a second call and return the first promise', async () => {
      const diagLog = installTestDiagLogger();
      const { handle: logging } = withMemory();
      const first = logging.shutdown();
      expect(logging.shutdown()).toBe(first);
      await first;
      expect(diagLog.has('warn', /shutdown\(\) called more than once/)).toBe(true);
    });

    it('should resolve by its deadline when the exporter never answers, reporting what is queued', async () => {
      const diagLog = installTestDiagLogger();
      const hanging = new TestLogRecordExporter();
      jest.spyOn(hanging, 'export').mockImplementation(() => undefined);
      handle = initLoggerProvider(testLogsConfig(), undefined, { exporter: hanging });
      for (let i = 0; i < 3; i++) handle.getLogger('t').emit({ body: i });
      await expect(handle.shutdown({ timeoutMillis: 100 })).resolves.toMatchObject({
        dropped: { timeout: 3 },
        deadlineHit: true,
        complete: false,
      });
      expect(diagLog.has('warn', /log records 3 emitted, 0 exported, 3 still queued/)).toBe(true);
      expect(diagLog.has('warn', /not finished within 100 ms/)).toBe(true);
    });
  });
});
