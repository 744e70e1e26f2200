import {
  type Attributes,
  type Context,
  context,
  type Link,
  type Span,
  SpanKind,
  type SpanOptions,
} from '@opentelemetry/api';
import { defaultTracer } from './internal/default-tracer.js';
import { runInSpan } from './internal/run-in-span.js';
import {
  assertAttributeKeys,
  assertKind,
  assertName,
  linkTo,
  mergeAttributes,
  NO_ATTRIBUTES,
} from './internal/span-settings.js';
import type { WithSpanOptions } from './types.js';

const NO_LINKS: readonly Link[] = Object.freeze([]);

/** What `WithSpanOptions` say about the spans to start, checked once. */
interface SpanSettings {
  readonly name: string;
  readonly options: WithSpanOptions;
  readonly kind: SpanKind;
  readonly attributes: Attributes;
  readonly links: readonly Link[];
  readonly parent: Context | undefined;
  readonly root: boolean;
}

/**
 * `options` checked as `spanBuilder()`'s setters check them, in the same order (a bad name, kind
 * or attribute key throws; a link that is not a SpanContext is dropped with a warning), without
 * making a builder: `withSpan()` runs per event. `copyAttributes`: keep a copy, for settings
 * used for later spans (`traced()`); otherwise the caller's object goes to the SDK, which copies
 * it.
 */
function settingsOf(name: string, options: WithSpanOptions, copyAttributes: boolean): SpanSettings {
  assertName(name);
  if (options.kind !== undefined) assertKind(options.kind);
  let attributes: Attributes = NO_ATTRIBUTES;
  if (options.attributes) {
    if (copyAttributes) {
      attributes = {};
      mergeAttributes(attributes, options.attributes);
    } else {
      assertAttributeKeys(options.attributes);
      attributes = options.attributes;
    }
  }
  let links: readonly Link[] = NO_LINKS;
  // A null entry is passed on, so it is dropped with the builder's warning rather than a throw.
  if (options.links) {
    const kept: Link[] = [];
    for (const entry of options.links) {
      const link = linkTo(entry?.context, entry?.attributes);
      if (link) kept.push(link);
    }
    links = kept;
  }
  return {
    name,
    options,
    kind: options.kind ?? SpanKind.INTERNAL,
    attributes,
    links,
    parent: options.root ? undefined : options.parent || undefined,
    root: Boolean(options.root),
  };
}

/** Starts a span of `settings` in `ctx`, with span options built as `spanBuilder()` builds them. */
function startIn(settings: SpanSettings, ctx: Context): Span {
  const spanOptions: SpanOptions = { kind: settings.kind, attributes: settings.attributes };
  if (settings.links.length > 0) spanOptions.links = settings.links.slice();
  if (settings.options.startTime !== undefined) spanOptions.startTime = settings.options.startTime;
  if (settings.root) spanOptions.root = true;
  return (settings.options.tracer ?? defaultTracer()).startSpan(settings.name, spanOptions, ctx);
}

function runWith<T>(settings: SpanSettings, fn: (span: Span) => T): T {
  const ctx = settings.parent ?? context.active();
  return runInSpan(startIn(settings, ctx), ctx, fn);
}

/**
 * Runs `fn(span)` inside a new active span named `name` and returns its result (a value or a
 * promise). The span ends when `fn` returns or its promise settles; a throw or rejection is
 * recorded (exception event, ERROR status) and rethrown.
 *
 * @example
 * const total = withSpan('sum-window', (span) => { span.setAttribute(ATTR_PROCESSOR_WINDOW_ID, id); return sum(values) });
 */
export function withSpan<T>(name: string, fn: (span: Span) => T, options: WithSpanOptions = {}): T {
  return runWith(settingsOf(name, options, false), fn);
}

/**
 * Wraps `fn` so that every call runs inside a new active span named `name`, with the error
 * semantics of `withSpan()`. `this` and the arguments are passed through; the span is reachable
 * inside with `trace.getActiveSpan()`.
 *
 * @example
 * const handle = traced('handle-event', async (event: Event) => store.save(event));
 */
export function traced<A extends unknown[], R>(
  name: string,
  fn: (...args: A) => R,
  options: WithSpanOptions = {},
): (...args: A) => R {
  // Checked once, when wrapping: every call starts a new span from these settings.
  const settings = settingsOf(name, { ...options }, true);
  return function tracedFunction(this: unknown, ...args: A): R {
    return runWith(settings, () => fn.apply(this, args));
  };
}
