import {
  type Attributes,
  type Context,
  context,
  type Link,
  type Span,
  type SpanContext,
  SpanKind,
  type SpanOptions,
  type TimeInput,
} from '@opentelemetry/api';
import { defaultTracer } from './internal/default-tracer.js';
import { logger } from './internal/diag.js';
import { isLinkableContext } from './internal/is-linkable-context.js';
import { runInSpan } from './internal/run-in-span.js';
import type { SpanBuilder, SpanBuilderOptions } from './types.js';

const SPAN_KINDS = new Set<unknown>(
  Object.values(SpanKind).filter((value) => typeof value === 'number'),
);

function assertName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name === '') {
    throw new TypeError(
      `@proc/telemetry-tracing: spanBuilder(name): name must be a non-empty string, got ${String(name)}`,
    );
  }
}

function describeValue(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  return `an object with keys [${Object.keys(value).join(', ')}]`;
}

/**
 * Starts a fluent span definition.
 *
 * @example
 * const result = await spanBuilder(SPAN_PROCESS_EVENT)
 *   .kind(SpanKind.CONSUMER)
 *   .attribute(ATTR_MESSAGING_MESSAGE_ID, event.id)
 *   .startActive(async (span) => handle(event));
 *
 * @throws TypeError when `name` is not a non-empty string.
 */
export function spanBuilder(name: string, options: SpanBuilderOptions = {}): SpanBuilder {
  assertName(name);
  let kind: SpanKind = SpanKind.INTERNAL;
  const attributes: Attributes = {};
  const links: Link[] = [];
  let startTime: TimeInput | undefined;
  let parentContext: Context | undefined;
  let root = false;

  // Built per span on the hot path, so without spreads. The attributes object is passed as is:
  // the SDK copies attributes into the span, and a later setter call changes only later spans.
  // Links are copied (the SDK keeps the array and `addLink()` pushes to it) and left out when
  // there are none.
  const spanOptions = (): SpanOptions => {
    const spanOptions: SpanOptions = { kind, attributes };
    if (links.length > 0) spanOptions.links = links.slice();
    if (startTime !== undefined) spanOptions.startTime = startTime;
    if (root) spanOptions.root = true;
    return spanOptions;
  };
  const startIn = (ctx: Context): Span =>
    (options.tracer ?? defaultTracer()).startSpan(name, spanOptions(), ctx);

  const builder: SpanBuilder = {
    kind(value: SpanKind) {
      if (!SPAN_KINDS.has(value)) {
        throw new TypeError(
          `@proc/telemetry-tracing: spanBuilder.kind(value): expected one of SpanKind.INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER, got ${String(value)}`,
        );
      }
      kind = value;
      return builder;
    },
    attribute(key: string, value: Attributes[string]) {
      if (typeof key !== 'string' || key === '') {
        throw new TypeError(
          `@proc/telemetry-tracing: spanBuilder.attribute(key): key must be a non-empty string, got ${String(key)}`,
        );
      }
      if (value === undefined) delete attributes[key];
      else attributes[key] = value;
      return builder;
    },
    attributes(values: Attributes) {
      for (const [key, value] of Object.entries(values)) builder.attribute(key, value);
      return builder;
    },
    link(spanContext: SpanContext, linkAttributes?: Attributes) {
      if (!isLinkableContext(spanContext)) {
        logger.warn(
          `spanBuilder.link: expected a SpanContext with traceId, spanId and traceFlags, got ${describeValue(spanContext)}; the link is dropped`,
        );
        return builder;
      }
      links.push(
        typeof linkAttributes === 'object' && linkAttributes !== null
          ? { context: spanContext, attributes: linkAttributes }
          : { context: spanContext },
      );
      return builder;
    },
    startTime(time: TimeInput) {
      startTime = time;
      return builder;
    },
    parent(ctx: Context) {
      parentContext = ctx;
      root = false;
      return builder;
    },
    noParent() {
      parentContext = undefined;
      root = true;
      return builder;
    },
    start() {
      return startIn(parentContext ?? context.active());
    },
    startActive<T>(fn: (span: Span) => T): T {
      const ctx = parentContext ?? context.active();
      return runInSpan(startIn(ctx), ctx, fn);
    },
  };
  return builder;
}
