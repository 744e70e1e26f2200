import { context, diag, ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  installTestDiagLogger,
  type OtlpReceiver,
  startOtlpReceiver,
  waitFor,
} from '@proc/telemetry-testing';
import { initLoggerProvider, type LogsHandle } from '../src/index.js';
import { type Protocol, receiverLogsConfig } from './helpers/test-logs-config.js';

const PROTOCOLS: Protocol[] = ['grpc', 'http/protobuf', 'http/json'];
const N = 250;

const SPAN_CONTEXT = {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  traceFlags: TraceFlags.SAMPLED,
};

describe.each(PROTOCOLS)('log export over OTLP %s', (protocol) => {
  let receiver: OtlpReceiver;
  let handle: LogsHandle | undefined;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });

  afterAll(async () => {
    await receiver.stop();
  });

  beforeEach(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  });

  afterEach(async () => {
    await handle?.shutdown({ timeoutMillis: 5000 });
    handle = undefined;
    receiver.clear();
    context.disable();
    diag.disable();
  });

  function start(overrides: Parameters<typeof receiverLogsConfig>[2] = {}): LogsHandle {
    handle = initLoggerProvider(
      receiverLogsConfig(receiver, protocol, overrides),
      resourceFromAttributes({ 'service.name': 'logs-wire' }),
    );
    return handle;
  }

  it(`should deliver N=${N} records made as N received, severity, body and trace ids intact`, async () => {
    const logging = start({ batch: { maxExportBatchSize: 64 } });
    const logger = logging.getLogger('orders', '1.0.0');
    const active = trace.setSpanContext(ROOT_CONTEXT, SPAN_CONTEXT);
    for (let i = 0; i < N; i++) {
      const emit = () =>
        logger.emit({
          severityNumber: i % 2 === 0 ? SeverityNumber.INFO : SeverityNumber.ERROR,
          severityText: i % 2 === 0 ? 'INFO' : 'ERROR',
          body: `record ${i}`,
          attributes: { 'record.index': i, tags: ['a', 'b'] },
        });
      if (i % 5 === 0) context.with(active, emit);
      else emit();
    }
    await logging.forceFlush({ timeoutMillis: 5000 });
    const records = receiver.logs();
    expect(records).toHaveLength(N);
    expect(new Set(records.map((r) => r.body)).size).toBe(N);
    expect(records.every((r) => r.protocol === protocol)).toBe(true);
    const first = records.find((r) => r.body === 'record 0');
    expect(first).toMatchObject({
      severityNumber: SeverityNumber.INFO,
      severityText: 'INFO',
      attributes: { 'record.index': 0, tags: ['a', 'b'] },
      traceId: SPAN_CONTEXT.traceId,
      spanId: SPAN_CONTEXT.spanId,
      flags: TraceFlags.SAMPLED,
      resource: { 'service.name': 'logs-wire' },
      scope: { name: 'orders', version: '1.0.0' },
    });
    const second = records.find((r) => r.body === 'record 1');
    expect(second).toMatchObject({ severityNumber: SeverityNumber.ERROR, severityText: 'ERROR' });
    expect(second?.traceId).toBeUndefined();
    expect(records.filter((r) => r.traceId === SPAN_CONTEXT.traceId)).toHaveLength(N / 5);
    expect(logging.exportCounts()).toMatchObject({ emitted: N, exported: N, queued: 0 });
  });

  it('should deliver a record emitted just before shutdown()', async () => {
    const logging = start({ batch: { scheduledDelayMillis: 60_000 } });
    logging.getLogger('t').emit({ severityNumber: SeverityNumber.FATAL, body: 'last words' });
    await logging.shutdown({ timeoutMillis: 5000 });
    expect(receiver.logs().map((r) => r.body)).toEqual(['last words']);
    expect(logging.exportCounts()).toMatchObject({ emitted: 1, exported: 1, queued: 0 });
  });

  it('should drop only the record that cannot be encoded, not its batch', async () => {
    const diagLog = installTestDiagLogger();
    const logging = start();
    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;
    const logger = logging.getLogger('t');
    logger.emit({ body: 'before' });
    logger.emit({ body: circular as never });
    logger.emit({ body: 'after' });
    await logging.forceFlush({ timeoutMillis: 5000 });
    expect(receiver.logs().map((r) => r.body)).toEqual(['before', 'after']);
    expect(logging.exportCounts()).toMatchObject({ emitted: 3, exported: 2, invalid: 1 });
    expect(diagLog.has('warn', /1 log record\(s\) could not be encoded and were dropped/)).toBe(
      true,
    );
  });

  it('should retry through a collector that fails, delivering every record once', async () => {
    installTestDiagLogger();
    receiver.failNext(1);
    const logging = start({ batch: { maxExportBatchSize: 10 } });
    const logger = logging.getLogger('t');
    for (let i = 0; i < 10; i++) logger.emit({ body: `r${i}` });
    await waitFor('10 records', () => receiver.logs().length === 10, { timeoutMs: 15_000 });
    await logging.forceFlush({ timeoutMillis: 5000 });
    expect(receiver.logs()).toHaveLength(10);
    expect(logging.exportCounts()).toMatchObject({ emitted: 10, exported: 10, failed: 0 });
  });
});
