import { diag, trace } from '@opentelemetry/api';
import {
  type BlackHole,
  type BurstPipeline,
  runExportBurst,
  startBlackHole,
  waitFor,
} from '@proc/telemetry-testing';
import {
  initTracerProvider,
  type ShutdownReport,
  type SpanExportCounts,
  shutdownTracerProvider,
  type TracingHandle,
} from '../src/index.js';
import { type Protocol, receiverTraceConfig } from './helpers/receiver-config.js';
import { testTraceConfig } from './helpers/test-trace-config.js';

const PROTOCOLS: Protocol[] = ['grpc', 'http/protobuf', 'http/json'];
const MIB = 1024 * 1024;
const BURST = 100_000;
const attributes = { 'event.id': 'e-1', 'event.type': 'order', partition: 3, offset: 42, ok: true };

/** Ends `n` spans in one synchronous loop: no export can finish before it returns. */
function burst(handle: TracingHandle, n: number) {
  const tracer = handle.getTracer('burst');
  for (let i = 0; i < n; i++) tracer.startSpan('burst', { attributes }).end();
}

const SPANS: BurstPipeline<
  TracingHandle,
  SpanExportCounts | undefined,
  ShutdownReport | undefined
> = {
  start: (receiver, protocol, queue) =>
    initTracerProvider(receiverTraceConfig(receiver, protocol, { export: queue })),
  emit: burst,
  counts: (handle) => handle.exportCounts(),
  shutdown: (handle, timeoutMillis) => shutdownTracerProvider(handle, { timeoutMillis }),
  received: (receiver) => receiver.spans({ name: 'burst' }).length,
};

describe('the encoded export queue, bounded by bytes', () => {
  afterEach(() => {
    trace.disable();
    diag.disable();
  });

  describe.each(PROTOCOLS)('over %s', (protocol) => {
    // 100,000 spans take about 16 MiB encoded as protobuf and 54 MiB as JSON; held gzipped
    // behind the export in flight, about 3.3 MiB and 4 MiB: within the default 32 MiB on every
    // protocol.
    it(`should deliver every span of a ${BURST}-span synchronous burst, none dropped`, async () => {
      // A bound, not a speed: the receiver decoding the burst shares this process, and on a loaded
      // 2-core machine 54 MiB of JSON took more than a minute.
      const { held, report, counts, received } = await runExportBurst(SPANS, {
        protocol,
        made: BURST,
        shutdownTimeoutMillis: 150_000,
      });
      // The whole burst is held at once: nothing could be exported before the loop returned.
      expect(held).toMatchObject({ ended: BURST, dropped: 0, queued: BURST, exported: 0 });
      expect(report).toMatchObject({ exported: BURST, failed: 0, complete: true });
      expect(report?.dropped).toEqual({ queueFull: 0, timeout: 0, shutdown: 0, invalid: 0 });
      expect(received).toBe(BURST);
      // Held encoded and gzipped, not as span objects: well under 100 bytes a span.
      expect(counts?.peakQueuedBytes).toBeGreaterThan(BURST * 10);
      expect(counts?.peakQueuedBytes).toBeLessThanOrEqual(BURST * 100);
      expect(counts?.peakExportsInFlight).toBe(1);
    }, 200_000);

    it('should count exactly what a small budget drops: made = received + dropped', async () => {
      const made = 20_000;
      const { report, counts, received } = await runExportBurst(SPANS, {
        protocol,
        made,
        maxQueueBytes: 256 * 1024,
        shutdownTimeoutMillis: 30_000,
      });
      expect(received).toBeGreaterThan(0);
      expect(counts?.dropped).toBeGreaterThan(0);
      expect(counts?.exported).toBe(received);
      expect(received + (counts?.dropped ?? 0)).toBe(made);
      expect(report?.dropped.queueFull).toBe(counts?.dropped);
      expect(report).toMatchObject({ exported: received, failed: 0, complete: false });
      expect(counts?.peakQueuedBytes).toBeLessThanOrEqual(256 * 1024 + MIB);
    });
  });
});

describe('exports in flight against a black hole (accepts, never answers)', () => {
  const holes: BlackHole[] = [];

  afterAll(() => Promise.all(holes.map((hole) => hole.close())));

  afterEach(() => {
    trace.disable();
    diag.disable();
  });

  it.each(PROTOCOLS)(
    'should keep one export in flight over %s while the budget bounds what is held',
    async (protocol) => {
      const hole = await startBlackHole();
      holes.push(hole);
      const handle = initTracerProvider(
        testTraceConfig({
          sampler: { type: 'always_on', ratio: 1 },
          export: {
            protocol,
            endpoint:
              protocol === 'grpc'
                ? `http://127.0.0.1:${hole.port}`
                : `http://127.0.0.1:${hole.port}/v1/traces`,
            timeoutMillis: 300,
            maxQueueBytes: 512 * 1024,
            retry: { maxAttempts: 5, initialBackoffMillis: 50, maxBackoffMillis: 100 },
          },
        }),
      );
      burst(handle, 50_000); // held gzipped, more than the 512 KiB budget on every protocol
      // Several attempts time out and are retried meanwhile.
      await waitFor('three attempts at the black hole', () => hole.acceptedConnections >= 3, {
        timeoutMs: 20_000,
      });
      const during = handle.exportCounts();
      expect(during?.peakExportsInFlight).toBe(1);
      expect(during?.exported).toBe(0);
      expect(during?.dropped).toBeGreaterThan(0);
      // The budget, plus the batch in flight as encoded (512 spans: under 512 KiB even as JSON).
      expect(during?.peakQueuedBytes).toBeLessThanOrEqual(512 * 1024 + 512 * 1024);
      const report = await shutdownTracerProvider(handle, { timeoutMillis: 1000 });
      const counts = handle.exportCounts();
      expect(counts?.peakExportsInFlight).toBe(1);
      // Every span is accounted for.
      expect(counts?.ended).toBe(
        (counts?.exported ?? 0) +
          (counts?.failed ?? 0) +
          (counts?.dropped ?? 0) +
          (counts?.queued ?? 0) +
          (counts?.invalid ?? 0),
      );
      expect(report?.exported).toBe(0);
      // Over HTTP one export is one connection, and the receiving side agrees: never two open
      // at once. (A gRPC channel multiplexes calls and reconnects on its own schedule while its
      // handshake goes unanswered, so its connections say nothing about exports.)
      if (protocol !== 'grpc') expect(hole.peakConnections).toBe(1);
      else expect(hole.acceptedConnections).toBeGreaterThanOrEqual(1);
    },
    60_000,
  );
});
