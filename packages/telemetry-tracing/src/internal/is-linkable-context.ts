import type { SpanContext } from '@opentelemetry/api';

/**
 * Whether `value` has the shape the OTLP serializers need from a link's context (string
 * `traceId` and `spanId`, numeric `traceFlags`). Anything else makes the whole export batch fail
 * to encode, so it is dropped where it enters instead.
 */
export function isLinkableContext(value: unknown): value is SpanContext {
  if (typeof value !== 'object' || value === null) return false;
  const { traceId, spanId, traceFlags } = value as Partial<Record<keyof SpanContext, unknown>>;
  return (
    typeof traceId === 'string' && typeof spanId === 'string' && typeof traceFlags === 'number'
  );
}
