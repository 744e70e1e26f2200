import { diag } from '@opentelemetry/api';
import { type BurstPipeline, runExportBurst } from '@proc/telemetry-testing';
import {
  initLoggerProvider,
  type LogExportCounts,
  type LogsHandle,
  type ShutdownReport,
} from '../src/index.js';
import { type Protocol, receiverLogsConfig } from './helpers/test-logs-config.js';

const PROTOCOLS: Protocol[] = ['grpc', 'http/protobuf', 'http/json'];
const BURST = 100_000;
const attributes = { 'event.id': 'e-1', 'event.type': 'order', partition: 3 };

const RECORDS: BurstPipeline<LogsHandle, LogExportCounts | undefined, ShutdownReport | undefined> =
  {
    start: (receiver, protocol, queue) =>
      initLoggerProvider(receiverLogsConfig(receiver, protocol, { export: queue })),
    emit: (logging, count) => {
      const logger = logging.getLogger('burst');
      for (let i = 0; i < count; i++) logger.emit({ body: 'order accepted', attributes });
    },
    counts: (logging) => logging.exportCounts(),
    shutdown: (logging, timeoutMillis) => logging.shutdown({ timeoutMillis }),
    received: (receiver) => receiver.logs({ body: 'order accepted' }).length,
  };

describe.each(PROTOCOLS)('log records through the byte-bounded queue over %s', (protocol) => {
  afterEach(() => diag.disable());

  // Held gzipped behind the export in flight, 100,000 records fit the default 32 MiB on every
  // protocol (as JSON they are over 32 MiB encoded).
  it(`should deliver every record of a ${BURST}-record synchronous burst`, async () => {
    // A bound, not a speed: the receiver decoding the burst shares this process, and on a loaded
    // 2-core machine 54 MiB of JSON took more than a minute.
    const { held, report, counts, received } = await runExportBurst(RECORDS, {
      protocol,
      made: BURST,
      shutdownTimeoutMillis: 150_000,
    });
    expect(held).toMatchObject({ emitted: BURST, dropped: 0 });
    expect(report).toMatchObject({ exported: BURST, failed: 0, complete: true });
    expect(received).toBe(BURST);
    expect(counts?.peakExportsInFlight).toBe(1);
  }, 200_000);

  it('should count exactly what a small budget drops: made = received + dropped', async () => {
    const made = 20_000;
    const { report, counts, received } = await runExportBurst(RECORDS, {
      protocol,
      made,
      // Held gzipped, these records take a few bytes each: a budget well under their 20,000.
      maxQueueBytes: 16 * 1024,
      shutdownTimeoutMillis: 30_000,
    });
    expect(counts?.dropped).toBeGreaterThan(0);
    expect(counts?.exported).toBe(received);
    expect(received + (counts?.dropped ?? 0)).toBe(made);
    expect(report?.dropped.queueFull).toBe(counts?.dropped);
  });
});
