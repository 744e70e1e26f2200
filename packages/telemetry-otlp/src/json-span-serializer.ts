import type { HrTime, Link, SpanContext, SpanStatus } from '@opentelemetry/api';
import { type ISerializer, JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace-base';
import { groupSpansByResourceAndScope, type ResourceSpanGroups } from './internal/group-spans.js';
import { JsonWriter } from './internal/json-writer.js';

// OTLP/JSON of opentelemetry/proto/trace/v1/trace.proto, written straight into UTF-8 with the
// fields, their order and the presence rules of the SDK's JsonTraceSerializer (@opentelemetry/
// otlp-transformer 0.223), which builds an object tree and hands it to JSON.stringify: a
// property whose value is undefined is left out, ids stay hex, timestamps are decimal strings,
// int64 attribute values are JSON numbers and non-finite doubles are null; strings are escaped
// as JSON.stringify escapes them. So the text is the SDK's to the byte, and the property test
// compares the two byte for byte.

const NANOS_PER_SECOND = BigInt(1_000_000_000);
const FLAGS_HAS_IS_REMOTE = 0x100;
const FLAGS_IS_REMOTE = 0x200;

/** The SDK's span flags: the W3C flags in the low byte, and whether the context is remote. */
function spanFlags(traceFlags: number, isRemote: boolean | undefined): number {
  return (traceFlags & 0xff) | FLAGS_HAS_IS_REMOTE | (isRemote ? FLAGS_IS_REMOTE : 0);
}

/**
 * Nanoseconds since the epoch as a JSON string. The SDK computes them as a BigInt; a positive
 * whole second and whole nanoseconds below one second spell the same digits without it.
 */
function writeNanos(writer: JsonWriter, time: HrTime): void {
  const seconds = time[0];
  const nanos = time[1];
  if (
    Number.isSafeInteger(seconds) &&
    seconds > 0 &&
    Number.isInteger(nanos) &&
    nanos >= 0 &&
    nanos < 1_000_000_000
  ) {
    writer.nanos(seconds, nanos);
  } else {
    writer.raw(`"${BigInt(Math.trunc(seconds)) * NANOS_PER_SECOND + BigInt(Math.trunc(nanos))}"`);
  }
}

/** An AnyValue; a value of no OTLP type (undefined, null, a function, a BigInt) is `{}`, as the SDK writes it. */
function writeAnyValue(writer: JsonWriter, value: unknown): void {
  switch (typeof value) {
    case 'string':
      writer.raw('{"stringValue":');
      writer.string(value);
      writer.raw('}');
      return;
    case 'number':
      writer.raw(Number.isInteger(value) ? '{"intValue":' : '{"doubleValue":');
      writer.number(value);
      writer.raw('}');
      return;
    case 'boolean':
      writer.raw(value ? '{"boolValue":true}' : '{"boolValue":false}');
      return;
    case 'object': {
      if (value === null) break;
      if (value instanceof Uint8Array) {
        const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
        writer.raw(`{"bytesValue":"${bytes.toString('base64')}"}`);
        return;
      }
      if (Array.isArray(value)) {
        writer.raw('{"arrayValue":{"values":');
        writer.array(value as unknown[], writeAnyValue);
        writer.raw('}}');
        return;
      }
      writer.raw('{"kvlistValue":{"values":');
      writeKeyValues(writer, value as Record<string, unknown>);
      writer.raw('}}');
      return;
    }
    default:
  }
  writer.raw('{}');
}

/** How many attribute keys keep the bytes of their KeyValue's opening. */
const KEPT_KEYS = 4096;

/**
 * `,{"key":"…","value":` by key: attribute keys recur from span to span and batch to batch. Kept
 * for the first keys seen only, so an app whose keys never repeat costs a bounded map.
 */
const keyValueOpenings = new Map<string, Uint8Array>();

function writeKeyValueOpening(writer: JsonWriter, key: string): void {
  const opening = keyValueOpenings.get(key);
  if (opening !== undefined) {
    writer.bytes(opening);
    return;
  }
  const start = writer.open();
  writer.raw(',{"key":');
  writer.string(key);
  writer.raw(',"value":');
  if (keyValueOpenings.size < KEPT_KEYS) keyValueOpenings.set(key, writer.copy(start));
}

/** The own enumerable keys of `values` as a KeyValue list, in `Object.keys` order (the SDK's). */
function writeKeyValues(writer: JsonWriter, values: Record<string, unknown>): void {
  const keys = Object.keys(values);
  const start = writer.open();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    writeKeyValueOpening(writer, key);
    writeAnyValue(writer, values[key]);
    writer.raw('}');
  }
  writer.closeArray(start);
}

function writeStatus(writer: JsonWriter, status: SpanStatus): void {
  const start = writer.open();
  writer.property(',"code":', status.code);
  writer.property(',"message":', status.message);
  writer.closeObject(start);
}

function writeEvent(writer: JsonWriter, event: TimedEvent): void {
  writer.raw('{"attributes":');
  if (event.attributes) writeKeyValues(writer, event.attributes);
  else writer.raw('[]');
  writer.property(',"name":', event.name);
  writer.raw(',"timeUnixNano":');
  writeNanos(writer, event.time);
  writer.property(',"droppedAttributesCount":', event.droppedAttributesCount || 0);
  writer.raw('}');
}

function writeLink(writer: JsonWriter, link: Link): void {
  writer.raw('{"attributes":');
  if (link.attributes) writeKeyValues(writer, link.attributes);
  else writer.raw('[]');
  const context: SpanContext = link.context;
  writer.property(',"spanId":', context.spanId);
  writer.property(',"traceId":', context.traceId);
  writer.property(',"traceState":', context.traceState?.serialize());
  writer.property(',"droppedAttributesCount":', link.droppedAttributesCount || 0);
  writer.raw(',"flags":');
  writer.number(spanFlags(context.traceFlags, context.isRemote));
  writer.raw('}');
}

function writeSpan(writer: JsonWriter, span: ReadableSpan): void {
  const context = span.spanContext();
  const parent = span.parentSpanContext;
  const start = writer.open();
  writer.property(',"traceId":', context.traceId);
  writer.property(',"spanId":', context.spanId);
  if (parent?.spanId) writer.property(',"parentSpanId":', parent.spanId);
  writer.property(',"traceState":', context.traceState?.serialize());
  writer.property(',"name":', span.name);
  // The API's kinds start at INTERNAL = 0; OTLP's at SPAN_KIND_UNSPECIFIED = 0.
  writer.property(',"kind":', span.kind == null ? 0 : span.kind + 1);
  writer.raw(',"startTimeUnixNano":');
  writeNanos(writer, span.startTime);
  writer.raw(',"endTimeUnixNano":');
  writeNanos(writer, span.endTime);
  writer.raw(',"attributes":');
  writeKeyValues(writer, span.attributes);
  writer.property(',"droppedAttributesCount":', span.droppedAttributesCount);
  writer.raw(',"events":');
  const { events, links } = span;
  writer.array(events, writeEvent);
  writer.property(',"droppedEventsCount":', span.droppedEventsCount);
  writer.raw(',"status":');
  writeStatus(writer, span.status);
  writer.raw(',"links":');
  writer.array(links, writeLink);
  writer.property(',"droppedLinksCount":', span.droppedLinksCount);
  writer.raw(',"flags":');
  writer.number(spanFlags(context.traceFlags, parent?.isRemote));
  writer.closeObject(start);
}

/** The fields of an InstrumentationScope the SDK's ReadableSpan type leaves out. */
interface ScopeAttributes {
  attributes?: Record<string, unknown>;
  droppedAttributesCount?: number;
}

function writeScope(writer: JsonWriter, scope: ReadableSpan['instrumentationScope']): void {
  const start = writer.open();
  writer.property(',"name":', scope.name);
  writer.property(',"version":', scope.version);
  const { attributes, droppedAttributesCount } = scope as ScopeAttributes;
  if (attributes && Object.keys(attributes).length > 0) {
    writer.raw(',"attributes":');
    writeKeyValues(writer, attributes);
    writer.property(',"droppedAttributesCount":', droppedAttributesCount ?? 0);
  }
  writer.closeObject(start);
}

function writeScopeSpans(writer: JsonWriter, spans: ReadableSpan[]): void {
  const scope = spans[0]!.instrumentationScope;
  writer.raw('{"scope":');
  writeScope(writer, scope);
  writer.raw(',"spans":');
  writer.array(spans, writeSpan);
  writer.property(',"schemaUrl":', scope.schemaUrl);
  writer.raw('}');
}

function writeResourceSpans(writer: JsonWriter, [resource, scopes]: ResourceSpanGroups): void {
  // The SDK writes a resource's schema URL, when it is not empty, in the resource and beside it.
  const schemaUrl = resource.schemaUrl || undefined;
  writer.raw('{"resource":{"attributes":');
  writeKeyValues(writer, resource.attributes);
  writer.raw(',"droppedAttributesCount":0');
  writer.property(',"schemaUrl":', schemaUrl);
  writer.raw('},"scopeSpans":');
  writer.array(scopes, writeScopeSpans);
  writer.property(',"schemaUrl":', schemaUrl);
  writer.raw('}');
}

/** The SDK's JSON serializer groups spans by scope name, version and schema URL. */
const byNameVersionAndSchema = (scope: ReadableSpan['instrumentationScope']) =>
  `${scope.name}@${scope.version || ''}:${scope.schemaUrl || ''}`;

/** Reused by every request: encoding is synchronous. */
const writer = new JsonWriter();

function encodeSpansJson(spans: ReadableSpan[]): Uint8Array {
  try {
    const groups = groupSpansByResourceAndScope(spans, byNameVersionAndSchema);
    writer.raw('{"resourceSpans":');
    writer.array(groups, writeResourceSpans);
    writer.raw('}');
    return writer.finish();
  } catch (error) {
    writer.reset();
    throw error;
  }
}

/**
 * The OTLP/JSON `ExportTraceServiceRequest` of `spans`, written straight from the spans into
 * UTF-8 in one pass: the same bytes as the SDK's `JsonTraceSerializer` (the same grouping by
 * resource and scope, field order, presence rules, hex ids, timestamps as decimal strings, int64
 * values as numbers, non-finite doubles as `null`, bytes as base64), without the object tree and
 * the string it builds first, for less CPU on the exporting app's thread. Responses are read by
 * the SDK's deserializer.
 * @throws Error when a span cannot be encoded (e.g. a link or an event that is not an object, a
 *   span without attributes, a circular attribute value, a BigInt as a name or status), as the
 *   SDK's serializer throws.
 */
export const jsonSpanSerializer: ISerializer<ReadableSpan[], unknown> = {
  serializeRequest: encodeSpansJson,
  deserializeResponse: (data) => JsonTraceSerializer.deserializeResponse(data),
};
