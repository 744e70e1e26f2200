import { context, diag, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { type OtlpReceiver, startOtlpReceiver } from '@proc/telemetry-testing';
import { initTracerProvider, shutdownTracerProvider } from '../src/index.js';
import { processBatch } from './examples/stream-processor.js';
import { receiverTraceConfig } from './helpers/receiver-config.js';

describe('examples', () => {
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });

  afterAll(async () => {
    await receiver.stop();
  });

  beforeEach(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  });

  afterEach(() => {
    receiver.clear();
    context.disable();
    trace.disable();
    propagation.disable();
    diag.disable();
  });

  describe('processBatch', () => {
    it('should trace the batch and each event, recording the bad one', async () => {
      const tracing = initTracerProvider(receiverTraceConfig(receiver, 'http/protobuf'));
      trace.setGlobalTracerProvider(tracing.provider);
      const processed = await processBatch([
        { id: 'e1', type: 'reading', partition: 0, offset: 10, windowId: 'w1', value: 1 },
        { id: 'e2', type: 'reading', partition: 0, offset: 11, windowId: 'w1', value: Number.NaN },
        { id: 'e3', type: 'reading', partition: 1, offset: 7, windowId: 'w1', value: 3 },
      ]);
      expect(processed).toBe(2);
      await shutdownTracerProvider(tracing);

      const [batch] = receiver.spans({ name: 'processor.process_batch' });
      expect(batch).toMatchObject({
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'process',
          'messaging.destination.name': 'sensor-readings',
          'messaging.batch.message_count': 3,
        },
      });
      const [root] = receiver.traceTree(batch!.traceId);
      const events = root!.children.map((n) => n.span);
      expect(events.map((s) => [s.attributes['messaging.message.id'], s.status.code])).toEqual([
        ['e1', SpanStatusCode.UNSET],
        ['e2', SpanStatusCode.ERROR],
        ['e3', SpanStatusCode.UNSET],
      ]);
      expect(events[1]).toMatchObject({
        attributes: {
          'messaging.destination.partition.id': '0',
          'messaging.kafka.offset': 11,
          'processor.window.id': 'w1',
        },
        status: { message: 'event e2: value is not a finite number' },
      });
      expect(events[1]?.events[0]?.attributes['exception.type']).toBe('RangeError');
    });
  });
});
