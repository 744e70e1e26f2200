import type { Attributes } from '@opentelemetry/api';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';

/**
 * Attributes the demo's producer wants on the span of a message it sends. With the kafkajs
 * instrumentation on, that span is the instrumentation's `send <topic>` span, so the producer
 * leaves them here and the `producerHook` below copies them on.
 */
export const producerSpanAttributes = new WeakMap<object, Attributes>();

/**
 * Turns on the official `@opentelemetry/instrumentation-kafkajs` (with the global tracer and
 * meter providers that `initTelemetry()` registered). Call it before kafkajs is first loaded.
 * Returns the function that turns it off again.
 *
 * How the two fit (docs/stream-processing.md, "With the kafkajs instrumentation"): the
 * instrumentation then owns the messaging spans, one `send` per message whose context goes in
 * the record headers, a `poll` per fetched batch and a `process` per message linked to its
 * producer; the demo makes no messaging span of its own, so none is duplicated, and its
 * processing spans start under the instrumentation's (`processor.process_batch` under `poll`).
 */
export function enableKafkajsInstrumentation(): () => void {
  return registerInstrumentations({
    instrumentations: [
      new KafkaJsInstrumentation({
        producerHook: (span, { message }) => {
          const attributes = producerSpanAttributes.get(message);
          if (attributes) span.setAttributes(attributes);
        },
      }),
    ],
  });
}
