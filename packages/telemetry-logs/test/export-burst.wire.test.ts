import { diag } from '@opentelemetry/api';
import { type OtlpReceiver, startOtlpReceiver } from '@proc/telemetry-testing';
import { initLoggerProvider } from '../src/index.js';
import { type Protocol, receiverLogsConfig } from './helpers/test-logs-config.js';

const PROTOCOLS: Protocol[] = ['grpc', 'http/protobuf', 'http/json'];
const MIB = 1024 * 1024;
const BURST = 100_000;
const attributes = { 'event.id': 'e-1', 'event.type': 'order', partition: 3 };

describe.each(PROTOCOLS)('log records through the byte-bounded queue over %s', (protocol) => {
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    receiver = await startOtlpReceiver({ maxBodyBytes: 64 * MIB });
  });

  afterAll(() => receiver.stop());

  afterEach(() => {
    receiver.clear();
    diag.disable();
  });

  // Held gzipped behind the export in flight, 100,000 records fit the default 32 MiB on every
  // protocol (as JSON they are over 32 MiB encoded).
  it(`should deliver every record of a ${BURST}-record synchronous burst`, async () => {
    const logging = initLoggerProvider(receiverLogsConfig(receiver, protocol));
    const logger = logging.getLogger('burst');
    for (let i = 0; i < BURST; i++) logger.emit({ body: 'order accepted', attributes });
    expect(logging.exportCounts()).toMatchObject({ emitted: BURST, dropped: 0 });
    // A bound, not a speed: the receiver decoding the burst shares this process, and on a loaded
    // 2-core machine 54 MiB of JSON took more than a minute.
    const report = await logging.shutdown({ timeoutMillis: 150_000 });
    expect(report).toMatchObject({ exported: BURST, failed: 0, complete: true });
    expect(receiver.logs({ body: 'order accepted' })).toHaveLength(BURST);
    expect(logging.exportCounts()?.peakExportsInFlight).toBe(1);
  }, 200_000);

  it('should count exactly what a small budget drops: made = received + dropped', async () => {
    const made = 20_000;
    const logging = initLoggerProvider(
      // Held gzipped, these records take a few bytes each: a budget well under their 20,000.
      receiverLogsConfig(receiver, protocol, { export: { maxQueueBytes: 16 * 1024 } }),
    );
    const logger = logging.getLogger('burst');
    for (let i = 0; i < made; i++) logger.emit({ body: 'order accepted', attributes });
    const report = await logging.shutdown({ timeoutMillis: 30_000 });
    const received = receiver.logs({ body: 'order accepted' }).length;
    const counts = logging.exportCounts();
    expect(counts?.dropped).toBeGreaterThan(0);
    expect(counts?.exported).toBe(received);
    expect(received + (counts?.dropped ?? 0)).toBe(made);
    expect(report?.dropped.queueFull).toBe(counts?.dropped);
  });
});
