import { type Link, type Span, SpanKind, trace } from '@opentelemetry/api';
import { ATTR_MESSAGING_BATCH_MESSAGE_COUNT } from '@proc/telemetry-semconv';
import {
  baseContextOf,
  processSpanBasics,
  producerSpanContext,
  tracerOf,
} from './internal/messaging.js';
import type { BatchProcessSpanOptions, MessageLike, ProcessSpanScope } from './types.js';

/**
 * Starts one `process` span (kind `CONSUMER`) for a batch of messages, linked to the producer
 * span of every message that carries a valid context, as the messaging semantic conventions
 * describe for batches: a batch has many producers, so none of them is picked as the parent. The
 * span's parent is the current context (`options.context`, default the active one). It carries
 * `messaging.batch.message_count`, `messaging.system`, `messaging.operation.*` and
 * `messaging.destination.name`. The caller ends the span. With `linksAfterSampling` the links
 * are added once the span is known to record, and an unsampled batch skips them.
 */
export function startBatchProcessSpan<T = MessageLike>(
  messages: readonly T[],
  options: BatchProcessSpanOptions<T>,
): ProcessSpanScope {
  const { name, attributes } = processSpanBasics(options);
  attributes[ATTR_MESSAGING_BATCH_MESSAGE_COUNT] = messages.length;
  const parent = baseContextOf(options);
  let span: Span;
  if (options.linksAfterSampling) {
    span = tracerOf(options).startSpan(name, { kind: SpanKind.CONSUMER, attributes }, parent);
    if (span.isRecording()) span.addLinks(producerLinks(messages, options));
  } else {
    const links = producerLinks(messages, options);
    span = tracerOf(options).startSpan(
      name,
      { kind: SpanKind.CONSUMER, attributes, links },
      parent,
    );
  }
  return { span, context: trace.setSpan(parent, span) };
}

/** A link to the producer span of every message that carries a valid context. */
function producerLinks<T>(messages: readonly T[], options: BatchProcessSpanOptions<T>): Link[] {
  const links: Link[] = [];
  messages.forEach((message, index) => {
    const spanContext = producerSpanContext(message, options);
    if (!spanContext) return;
    const attributes = options.linkAttributes?.(message, index);
    links.push(attributes ? { context: spanContext, attributes } : { context: spanContext });
  });
  return links;
}
