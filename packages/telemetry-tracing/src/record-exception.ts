import { type Attributes, type Span, SpanStatusCode } from '@opentelemetry/api';
import {
  ATTR_EXCEPTION_MESSAGE,
  ATTR_EXCEPTION_STACKTRACE,
  ATTR_EXCEPTION_TYPE,
} from '@opentelemetry/semantic-conventions';
import { describeThrowable } from './internal/describe-throwable.js';

/** Event name the specification gives exception events. */
const EXCEPTION_EVENT_NAME = 'exception';

/**
 * Records `error` on `span` as an `exception` event (`exception.type`, `exception.message`,
 * `exception.stacktrace` when there is a stack) and sets the span status to ERROR with the
 * message. Accepts anything that can be thrown (strings, null, undefined, symbols, objects whose
 * `toString` throws) and never throws itself. On a span that does not record (`isRecording()`
 * false, an unsampled span) it does nothing.
 *
 * @param attributes Extra event attributes; they win over the computed `exception.*` ones.
 *
 * @example
 * try { parse(event) } catch (err) { recordException(span, err, { 'processor.event.type': 'click' }); throw err }
 */
export function recordException(span: Span, error: unknown, attributes?: Attributes): void {
  try {
    // A span that does not record (unsampled) drops events and status: the error's stack is
    // not even formatted for it, which is most of the cost.
    if (!span.isRecording()) return;
    const { type, message, stacktrace } = describeThrowable(error);
    const eventAttributes: Attributes = {
      [ATTR_EXCEPTION_TYPE]: type,
      [ATTR_EXCEPTION_MESSAGE]: message,
      ...(stacktrace !== undefined ? { [ATTR_EXCEPTION_STACKTRACE]: stacktrace } : {}),
      ...attributes,
    };
    span.addEvent(EXCEPTION_EVENT_NAME, eventAttributes);
    span.setStatus({ code: SpanStatusCode.ERROR, message });
  } catch {
    // A span implementation that throws must not turn error reporting into a second error.
  }
}
