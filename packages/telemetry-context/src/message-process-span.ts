import { SpanKind, trace } from '@opentelemetry/api';
import {
  baseContextOf,
  processSpanBasics,
  producerSpanContext,
  tracerOf,
} from './internal/messaging.js';
import type { MessageLike, MessageProcessSpanOptions, ProcessSpanScope } from './types.js';

/**
 * Starts a `process` span (kind `CONSUMER`) for one message. By default the producer span is its
 * parent, so the processing continues the producer's trace (the messaging conventions allow parent
 * or link for a single message); with `producerRelation: 'link'` the span starts in the current
 * context and links to the producer span instead. Without a valid producer context the span starts
 * in the current context. The caller ends the span.
 */
export function startMessageProcessSpan<T = MessageLike>(
  message: T,
  options: MessageProcessSpanOptions<T>,
): ProcessSpanScope {
  const producer = producerSpanContext(message, options);
  const { name, attributes } = processSpanBasics(options);
  const base = baseContextOf(options);
  const asLink = options.producerRelation === 'link';
  const parent = producer && !asLink ? trace.setSpanContext(base, producer) : base;
  const span = tracerOf(options).startSpan(
    name,
    {
      kind: SpanKind.CONSUMER,
      attributes,
      links: producer && asLink ? [{ context: producer }] : [],
    },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
}
