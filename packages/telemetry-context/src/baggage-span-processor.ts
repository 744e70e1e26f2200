import { type Context, propagation } from '@opentelemetry/api';
import type { Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { BaggageSpanProcessorOptions } from './types.js';

/**
 * Creates a span processor that copies the allowed baggage keys of the parent context onto each
 * span as string attributes when it starts. Keys not listed are never copied. Throws a
 * `TypeError` when `keys` is empty.
 */
export function createBaggageSpanProcessor(options: BaggageSpanProcessorOptions): SpanProcessor {
  const keys = [...new Set(options.keys ?? [])];
  if (keys.length === 0) {
    throw new TypeError(
      '@proc/telemetry-context: createBaggageSpanProcessor needs a non-empty `keys` allow-list',
    );
  }
  const prefix = options.attributePrefix ?? '';
  return {
    onStart(span: Span, parentContext: Context) {
      const baggage = propagation.getBaggage(parentContext);
      if (!baggage) return;
      for (const key of keys) {
        const entry = baggage.getEntry(key);
        if (entry) span.setAttribute(`${prefix}${key}`, entry.value);
      }
    },
    onEnd() {},
    forceFlush() {
      return Promise.resolve();
    },
    shutdown() {
      return Promise.resolve();
    },
  };
}
