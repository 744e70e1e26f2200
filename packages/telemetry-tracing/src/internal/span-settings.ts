import { type Attributes, type Link, type SpanContext, SpanKind } from '@opentelemetry/api';
import { logger } from './diag.js';
import { isLinkableContext } from './is-linkable-context.js';

// Indexed by kind: one array read per check, where a Set's has() was a hash per span.
const SPAN_KINDS: readonly boolean[] = (() => {
  const kinds: boolean[] = [];
  for (const value of Object.values(SpanKind)) if (typeof value === 'number') kinds[value] = true;
  return kinds;
})();

/** The attributes of a span given none: the SDK copies a span's attributes at start, so one frozen object serves all. */
export const NO_ATTRIBUTES: Attributes = Object.freeze({});

/** Throws unless `name` is a non-empty string. */
export function assertName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name === '') {
    throw new TypeError(
      `@proc/telemetry-tracing: spanBuilder(name): name must be a non-empty string, got ${String(name)}`,
    );
  }
}

/** Throws unless `value` is a `SpanKind`. */
export function assertKind(value: unknown): asserts value is SpanKind {
  if (typeof value !== 'number' || SPAN_KINDS[value] !== true) {
    throw new TypeError(
      `@proc/telemetry-tracing: spanBuilder.kind(value): expected one of SpanKind.INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER, got ${String(value)}`,
    );
  }
}

/** Throws unless `key` is a non-empty string. */
export function assertAttributeKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key === '') {
    throw new TypeError(
      `@proc/telemetry-tracing: spanBuilder.attribute(key): key must be a non-empty string, got ${String(key)}`,
    );
  }
}

// `hasOwnProperty.call` rather than `Object.hasOwn`: inside `for…in` V8's optimising compiler
// folds the first into the loop and keeps the second a call (27 against 75 ns over 5 attributes).
const objectHasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * Copies `values` into `into`, as one `attribute()` call per own enumerable key would: each key
 * checked, `undefined` removing the key. Without `Object.entries()`, which allocates an array per
 * entry: this runs for every span.
 */
export function mergeAttributes(into: Attributes, values: Attributes): void {
  for (const key in values) {
    if (!objectHasOwnProperty.call(values, key)) continue;
    assertAttributeKey(key);
    const value = values[key];
    if (value === undefined) delete into[key];
    else into[key] = value;
  }
}

/**
 * Throws as {@link mergeAttributes} would for `values`' keys, without walking them: a `for…in` key
 * is always a string, so the one key it rejects is `''`, an own property lookup. The caller's
 * object then goes to the SDK as it is: its span leaves an `undefined` value out without a
 * warning, as a copy would (a sampler sees the key with `undefined`, as `Attributes` allows).
 * A walk here cost the builder 3–5 % of a span.
 */
export function assertAttributeKeys(values: Attributes): void {
  if (Object.hasOwn(values, '')) assertAttributeKey('');
}

function describeValue(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  return `an object with keys [${Object.keys(value).join(', ')}]`;
}

/**
 * The link to `spanContext`, or undefined (with a diag warning) when it is not a SpanContext:
 * it would make its whole export batch fail to encode.
 */
export function linkTo(spanContext: SpanContext, linkAttributes?: Attributes): Link | undefined {
  if (!isLinkableContext(spanContext)) {
    logger.warn(
      `spanBuilder.link: expected a SpanContext with traceId, spanId and traceFlags, got ${describeValue(spanContext)}; the link is dropped`,
    );
    return undefined;
  }
  return typeof linkAttributes === 'object' && linkAttributes !== null
    ? { context: spanContext, attributes: linkAttributes }
    : { context: spanContext };
}
