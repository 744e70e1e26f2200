import { createTraceState, type HrTime, type Link, type SpanContext } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace-base';
import fc from 'fast-check';

// Batches of spans for comparing an encoder with the SDK's serializer. Spans are plain objects
// shaped as the SDK's ReadableSpan (the serializers read only these fields), so every field can
// take values the SDK's span API would not produce itself.

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnitString = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  maxLength: 12,
});
const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  codeUnitString,
  fc.string({ unit: 'grapheme-ascii', minLength: 120, maxLength: 300 }),
);
const hexId = (bytes: number) =>
  fc.string({
    unit: fc.constantFrom(...'0123456789abcdefABCDEF'),
    minLength: bytes * 2,
    maxLength: bytes * 2,
  });

/** An attribute value of any OTLP type, and of none (`undefined`, `null`). */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0),
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(Number),
    fc.constantFrom(2 ** 63, -(2 ** 64), 1e300, Number.MAX_SAFE_INTEGER + 2, 2 ** 32, -(2 ** 31)),
    fc.uint8Array({ maxLength: 40 }),
    fc.constantFrom(undefined, null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 3 }),
  ),
})).value;
const attributes = fc.dictionary(text, anyValue, { maxKeys: 5 }) as fc.Arbitrary<
  Record<string, never>
>;
const count = fc.oneof(fc.constant(0), fc.nat(), fc.nat({ max: 300 }));
const hrTime: fc.Arbitrary<HrTime> = fc.tuple(
  fc.integer({ min: 0, max: 2 ** 34 }),
  fc.integer({ min: 0, max: 999_999_999 }),
);
const traceState = fc.option(
  fc.constantFrom('', 'congo=t61rcWkgMzE', 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE'),
  { nil: undefined },
);
const spanContext: fc.Arbitrary<SpanContext> = fc.record(
  {
    traceId: hexId(16),
    spanId: hexId(8),
    traceFlags: fc.integer({ min: 0, max: 255 }),
    isRemote: fc.boolean(),
    traceState: traceState.map((state) =>
      state === undefined ? undefined : createTraceState(state),
    ),
  },
  { requiredKeys: ['traceId', 'spanId', 'traceFlags'] },
) as fc.Arbitrary<SpanContext>;
const event: fc.Arbitrary<TimedEvent> = fc.record(
  { time: hrTime, name: text, attributes, droppedAttributesCount: count },
  { requiredKeys: ['time', 'name'] },
);
const link: fc.Arbitrary<Link> = fc.record(
  { context: spanContext, attributes, droppedAttributesCount: count },
  { requiredKeys: ['context'] },
);
const resource = fc
  .record({ attributes, schemaUrl: fc.option(text, { nil: undefined }) })
  .map(({ attributes, schemaUrl }) =>
    resourceFromAttributes(attributes, schemaUrl === undefined ? {} : { schemaUrl }),
  );
const scope = fc.record(
  {
    name: text,
    version: text,
    schemaUrl: text,
    attributes,
    droppedAttributesCount: count,
  },
  { requiredKeys: ['name'] },
);

interface SpanFields
  extends Omit<ReadableSpan, 'spanContext' | 'resource' | 'instrumentationScope'> {
  context: SpanContext;
  resourceIndex: number;
  scopeIndex: number;
}

const spanFields: fc.Arbitrary<SpanFields> = fc.record({
  context: spanContext,
  parentSpanContext: fc.option(
    fc.oneof(
      spanContext,
      spanContext.map((context) => ({ ...context, spanId: '' })),
    ),
    { nil: undefined },
  ),
  // A name that is not a string (reached through `updateName()`, which does not check): an
  // empty one in protobuf, a number in JSON.
  name: fc.oneof(
    { weight: 9, arbitrary: text },
    { weight: 1, arbitrary: fc.constant(42 as never) },
  ),
  kind: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(undefined as never)),
  startTime: hrTime,
  endTime: hrTime,
  status: fc.record(
    { code: fc.integer({ min: 0, max: 2 }), message: text },
    { requiredKeys: ['code'] },
  ),
  attributes,
  links: fc.array(link, { maxLength: 4 }),
  events: fc.array(event, { maxLength: 3 }),
  duration: hrTime,
  ended: fc.constant(true),
  droppedAttributesCount: count,
  droppedEventsCount: count,
  droppedLinksCount: count,
  resourceIndex: fc.nat(),
  scopeIndex: fc.nat(),
});

/**
 * A batch: spans of up to three resources and four scopes, interleaved. The last scope is a copy
 * of the first: another object with the same name, version and schema URL (the SDK's protobuf
 * serializer groups scopes by object, its JSON one by those three).
 */
export const batch: fc.Arbitrary<ReadableSpan[]> = fc
  .record({
    resources: fc.array(resource, { minLength: 1, maxLength: 3 }),
    scopes: fc
      .array(scope, { minLength: 1, maxLength: 3 })
      .map((scopes) => [...scopes, { ...scopes[0]! }]),
    spans: fc.array(spanFields, { maxLength: 8 }),
  })
  .map(({ resources, scopes, spans }) =>
    spans.map(({ context, resourceIndex, scopeIndex, ...fields }) => ({
      ...fields,
      spanContext: () => context,
      resource: resources[resourceIndex % resources.length]!,
      instrumentationScope: scopes[scopeIndex % scopes.length]!,
    })),
  );

/** One valid span of a resource and a scope, with `overrides`. */
export function aSpan(overrides: Partial<ReadableSpan> = {}): ReadableSpan {
  const context = { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: 1 };
  return {
    name: 'span',
    kind: 1,
    spanContext: () => context,
    startTime: [1_700_000_000, 5],
    endTime: [1_700_000_001, 6],
    status: { code: 0 },
    attributes: {},
    links: [],
    events: [],
    duration: [1, 1],
    ended: true,
    resource: resourceFromAttributes({ 'service.name': 'test' }),
    instrumentationScope: { name: 'scope' },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
    ...overrides,
  };
}
