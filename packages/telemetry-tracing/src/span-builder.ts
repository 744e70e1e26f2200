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
  trace,
} from '@opentelemetry/api';
import { defaultTracer } from './internal/default-tracer.js';
import { runInSpan } from './internal/run-in-span.js';
import {
  assertAttributeKey,
  assertAttributeKeys,
  assertKind,
  assertName,
  linkTo,
  mergeAttributes,
  NO_ATTRIBUTES,
} from './internal/span-settings.js';
import type { SpanBuilder, SpanBuilderOptions } from './types.js';

// A class rather than an object of closures: a builder is made per span on the hot path, and
// one object with its methods on the prototype costs a fraction of ten closures.
class FluentSpanBuilder implements SpanBuilder {
  private spanKind: SpanKind = SpanKind.INTERNAL;
  // The caller's object of a first `attributes()` call, used as it is (the SDK copies it into
  // each span) until another setter changes the attributes: then it is copied into one of the
  // builder's own. Copying it up front cost as much as the SDK's own copy (suite 1 of
  // docs/benchmarks.md), for the usual chain that starts the span right away.
  private givenAttributes: Attributes | undefined = undefined;
  private spanAttributes: Attributes | undefined = undefined;
  // Made on the first link: most spans have none, and this is one array less per span.
  private links: Link[] | undefined = undefined;
  private time: TimeInput | undefined = undefined;
  private parentContext: Context | undefined = undefined;
  private root = false;

  constructor(
    private readonly name: string,
    // Read at each start, as documented: a tracer given later through the same options counts.
    private readonly options: SpanBuilderOptions,
  ) {}

  kind(value: SpanKind): SpanBuilder {
    assertKind(value);
    this.spanKind = value;
    return this;
  }

  attribute(key: string, value: Attributes[string]): SpanBuilder {
    assertAttributeKey(key);
    const own = this.ownAttributes();
    if (value === undefined) delete own[key];
    else own[key] = value;
    return this;
  }

  attributes(values: Attributes): SpanBuilder {
    if (this.givenAttributes === undefined && this.spanAttributes === undefined) {
      // Checked as a copy would check it, and kept as it is: the SDK copies it at start.
      assertAttributeKeys(values);
      this.givenAttributes = values;
      return this;
    }
    mergeAttributes(this.ownAttributes(), values);
    return this;
  }

  /** The builder's own attributes object, made (from the caller's, if one was given) on first use. */
  private ownAttributes(): Attributes {
    if (this.spanAttributes === undefined) {
      this.spanAttributes = {};
      if (this.givenAttributes !== undefined) {
        mergeAttributes(this.spanAttributes, this.givenAttributes);
        this.givenAttributes = undefined;
      }
    }
    return this.spanAttributes;
  }

  link(spanContext: SpanContext, linkAttributes?: Attributes): SpanBuilder {
    const link = linkTo(spanContext, linkAttributes);
    if (link === undefined) return this;
    this.links ??= [];
    this.links.push(link);
    return this;
  }

  startTime(time: TimeInput): SpanBuilder {
    this.time = time;
    return this;
  }

  parent(ctx: Context): SpanBuilder {
    this.parentContext = ctx;
    this.root = false;
    return this;
  }

  noParent(): SpanBuilder {
    this.parentContext = undefined;
    this.root = true;
    return this;
  }

  start(): Span {
    return this.startIn(this.parentContext ?? context.active());
  }

  startActive<T>(fn: (span: Span) => T): T {
    const ctx = this.parentContext ?? context.active();
    return runInSpan(this.startIn(ctx), ctx, fn);
  }

  // Built per span, so without spreads. The attributes object is passed as is: the SDK copies
  // attributes into the span, and a later setter call changes only later spans. Links are
  // copied (the SDK keeps the array and `addLink()` pushes to it) and left out when there are
  // none.
  private startIn(ctx: Context): Span {
    const spanOptions: SpanOptions = {
      kind: this.spanKind,
      attributes: this.givenAttributes ?? this.spanAttributes ?? NO_ATTRIBUTES,
    };
    if (this.links !== undefined) spanOptions.links = this.links.slice();
    if (this.time !== undefined) spanOptions.startTime = this.time;
    // `root` makes the SDK copy the context without its span; a context with no span (the
    // usual one of a producer loop or a timer) is already a root's, and is passed as it is.
    if (this.root && trace.getSpan(ctx) !== undefined) spanOptions.root = true;
    return (this.options.tracer ?? defaultTracer()).startSpan(this.name, spanOptions, ctx);
  }
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
  return new FluentSpanBuilder(name, options);
}
