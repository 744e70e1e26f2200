// Runnable example, exercised by test/examples.wire.test.ts and quoted in the README.
// In your code, import from '@proc/telemetry-tracing' instead of '../../src/index.js'.
import { SpanKind, type Tracer } from '@opentelemetry/api';
import {
  ATTR_MESSAGING_BATCH_MESSAGE_COUNT,
  ATTR_MESSAGING_DESTINATION_NAME,
  ATTR_MESSAGING_DESTINATION_PARTITION_ID,
  ATTR_MESSAGING_KAFKA_OFFSET,
  ATTR_MESSAGING_MESSAGE_ID,
  ATTR_MESSAGING_OPERATION_TYPE,
  ATTR_MESSAGING_SYSTEM,
  ATTR_PROCESSOR_EVENT_TYPE,
  ATTR_PROCESSOR_WINDOW_ID,
  MESSAGING_OPERATION_TYPE_VALUE_PROCESS,
  MESSAGING_SYSTEM_VALUE_KAFKA,
} from '@proc/telemetry-semconv';
import { SPAN_PROCESS_BATCH, SPAN_PROCESS_EVENT, spanBuilder } from '../../src/index.js';

/** A record as the processor consumes it. */
export interface StreamEvent {
  id: string;
  type: string;
  partition: number;
  offset: number;
  windowId: string;
  value: number;
}

/**
 * One CONSUMER span for the batch, one child span per event. A bad event is recorded on its
 * own span (exception event + ERROR status) and skipped; the batch goes on.
 * @param tracer Default: the global tracer provider's.
 */
export function processBatch(events: StreamEvent[], tracer?: Tracer): Promise<number> {
  const options = tracer ? { tracer } : {};
  return spanBuilder(SPAN_PROCESS_BATCH, options)
    .kind(SpanKind.CONSUMER)
    .attributes({
      [ATTR_MESSAGING_SYSTEM]: MESSAGING_SYSTEM_VALUE_KAFKA,
      [ATTR_MESSAGING_OPERATION_TYPE]: MESSAGING_OPERATION_TYPE_VALUE_PROCESS,
      [ATTR_MESSAGING_DESTINATION_NAME]: 'sensor-readings',
      [ATTR_MESSAGING_BATCH_MESSAGE_COUNT]: events.length,
    })
    .startActive(async () => {
      let processed = 0;
      for (const event of events) {
        try {
          await spanBuilder(SPAN_PROCESS_EVENT, options)
            .attributes({
              [ATTR_MESSAGING_MESSAGE_ID]: event.id,
              [ATTR_PROCESSOR_EVENT_TYPE]: event.type,
              [ATTR_MESSAGING_DESTINATION_PARTITION_ID]: String(event.partition),
              [ATTR_MESSAGING_KAFKA_OFFSET]: event.offset,
              [ATTR_PROCESSOR_WINDOW_ID]: event.windowId,
            })
            .startActive(async () => {
              if (!Number.isFinite(event.value)) {
                throw new RangeError(`event ${event.id}: value is not a finite number`);
              }
              processed++;
            });
        } catch {
          // already recorded on the event's span; skip the bad event
        }
      }
      return processed;
    });
}
