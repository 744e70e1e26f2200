import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import type { TraceIds } from './types.js';

/**
 * The ids of the active span for a log record, or `{}` when there is no valid span. It takes no
 * argument, so it is a pino mixin as it stands: `pino({ mixin: currentTraceIds })`.
 */
export function currentTraceIds(): TraceIds | Record<string, never> {
  const spanContext = trace.getSpanContext(context.active());
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return {
    trace_id: spanContext.traceId,
    span_id: spanContext.spanId,
    trace_flags: (spanContext.traceFlags & 0xff).toString(16).padStart(2, '0'),
  };
}
