import type { Link, SpanContext, SpanStatus } from '@opentelemetry/api';
import { type ISerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace-base';
import {
  BackwardProtobufWriter,
  WIRE_FIXED32,
  WIRE_FIXED64,
  WIRE_LENGTH_DELIMITED,
  WIRE_VARINT,
} from './internal/backward-protobuf-writer.js';
import { groupSpansByResourceAndScope } from './internal/group-spans.js';
import {
  type ScopeLike,
  writeHrTime,
  writeInstrumentationScope,
  writeKeyValues,
  writeResource,
} from './internal/write-otlp-common.js';

// The messages of opentelemetry/proto/trace/v1/trace.proto, each written last field first (see
// BackwardProtobufWriter), with the fields and presence rules of the SDK's serializer
// (@opentelemetry/otlp-transformer 0.223), so the bytes are the ones it writes.

/** SpanFlags: the W3C flags in the low byte, and whether the (parent's or link's) context is remote. */
const FLAGS_HAS_IS_REMOTE = 0x100;
const FLAGS_IS_REMOTE = 0x200;

function spanFlags(traceFlags: number, isRemote: boolean | undefined): number {
  return (traceFlags & 0xff) | FLAGS_HAS_IS_REMOTE | (isRemote ? FLAGS_IS_REMOTE : 0);
}

/** Fields 1–3 of a Span and of a Link alike: trace_id, span_id and trace_state (when not empty). */
function writeContextFields(writer: BackwardProtobufWriter, context: SpanContext): void {
  const traceState = context.traceState?.serialize();
  if (traceState) {
    writer.string(traceState);
    writer.tag(3, WIRE_LENGTH_DELIMITED);
  }
  writer.hexBytes(context.spanId);
  writer.tag(2, WIRE_LENGTH_DELIMITED);
  writer.hexBytes(context.traceId);
  writer.tag(1, WIRE_LENGTH_DELIMITED);
}

function writeStatus(writer: BackwardProtobufWriter, status: SpanStatus): void {
  const end = writer.end();
  writer.int64(status.code);
  writer.tag(3, WIRE_VARINT);
  if (status.message) {
    writer.string(status.message);
    writer.tag(2, WIRE_LENGTH_DELIMITED);
  }
  writer.endMessage(15, end);
}

function writeEvent(writer: BackwardProtobufWriter, event: TimedEvent): void {
  const end = writer.end();
  writer.int64(event.droppedAttributesCount || 0);
  writer.tag(4, WIRE_VARINT);
  if (event.attributes) writeKeyValues(writer, 3, event.attributes);
  writer.string(event.name);
  writer.tag(2, WIRE_LENGTH_DELIMITED);
  writeHrTime(writer, event.time);
  writer.tag(1, WIRE_FIXED64);
  writer.endMessage(11, end);
}

function writeLink(writer: BackwardProtobufWriter, link: Link): void {
  const end = writer.end();
  const context = link.context;
  writer.fixed32(spanFlags(context.traceFlags, context.isRemote));
  writer.tag(6, WIRE_FIXED32);
  writer.int64(link.droppedAttributesCount || 0);
  writer.tag(5, WIRE_VARINT);
  if (link.attributes) writeKeyValues(writer, 4, link.attributes);
  writeContextFields(writer, context);
  writer.endMessage(13, end);
}

function writeSpan(writer: BackwardProtobufWriter, span: ReadableSpan): void {
  const end = writer.end();
  const context = span.spanContext();
  const parent = span.parentSpanContext;
  writer.fixed32(spanFlags(context.traceFlags, parent?.isRemote));
  writer.tag(16, WIRE_FIXED32);
  writeStatus(writer, span.status);
  writer.int64(span.droppedLinksCount);
  writer.tag(14, WIRE_VARINT);
  const { links, events } = span;
  for (let i = links.length - 1; i >= 0; i--) writeLink(writer, links[i]!);
  writer.int64(span.droppedEventsCount);
  writer.tag(12, WIRE_VARINT);
  for (let i = events.length - 1; i >= 0; i--) writeEvent(writer, events[i]!);
  writer.int64(span.droppedAttributesCount);
  writer.tag(10, WIRE_VARINT);
  if (span.attributes) writeKeyValues(writer, 9, span.attributes);
  writeHrTime(writer, span.endTime);
  writer.tag(8, WIRE_FIXED64);
  writeHrTime(writer, span.startTime);
  writer.tag(7, WIRE_FIXED64);
  // The API's kinds start at INTERNAL = 0; OTLP's at SPAN_KIND_UNSPECIFIED = 0.
  const kind = span.kind == null ? 0 : span.kind + 1;
  if (kind !== 0) {
    writer.int64(kind);
    writer.tag(6, WIRE_VARINT);
  }
  writer.string(span.name);
  writer.tag(5, WIRE_LENGTH_DELIMITED);
  if (parent?.spanId) {
    writer.hexBytes(parent.spanId);
    writer.tag(4, WIRE_LENGTH_DELIMITED);
  }
  writeContextFields(writer, context);
  writer.endMessage(2, end);
}

function writeScopeSpans(writer: BackwardProtobufWriter, spans: ReadableSpan[]): void {
  const end = writer.end();
  const scope = spans[0]!.instrumentationScope;
  if (scope.schemaUrl) {
    writer.string(scope.schemaUrl);
    writer.tag(3, WIRE_LENGTH_DELIMITED);
  }
  for (let i = spans.length - 1; i >= 0; i--) writeSpan(writer, spans[i]!);
  writeInstrumentationScope(writer, 1, scope as ScopeLike);
  writer.endMessage(2, end);
}

function writeResourceSpans(
  writer: BackwardProtobufWriter,
  resource: ReadableSpan['resource'],
  scopes: ReadableSpan[][],
): void {
  const end = writer.end();
  if (resource.schemaUrl) {
    writer.string(resource.schemaUrl);
    writer.tag(3, WIRE_LENGTH_DELIMITED);
  }
  for (let i = scopes.length - 1; i >= 0; i--) writeScopeSpans(writer, scopes[i]!);
  writeResource(writer, 1, resource);
  writer.endMessage(1, end);
}

/** The SDK's protobuf serializer groups spans by the scope object itself. */
const byIdentity = (scope: ReadableSpan['instrumentationScope']) => scope;

/** Reused by every request: encoding is synchronous. */
const writer = new BackwardProtobufWriter();

function encodeSpansProtobuf(spans: ReadableSpan[]): Uint8Array {
  try {
    const groups = groupSpansByResourceAndScope(spans, byIdentity);
    for (let i = groups.length - 1; i >= 0; i--) {
      const [resource, scopes] = groups[i]!;
      writeResourceSpans(writer, resource, scopes);
    }
    return writer.finish();
  } catch (error) {
    writer.reset();
    throw error;
  }
}

/**
 * The OTLP/protobuf `ExportTraceServiceRequest` of `spans`, written straight from the spans in
 * one pass: the same bytes as the SDK's `ProtobufTraceSerializer` (the same grouping by resource
 * and scope, fields, flags and presence rules), at a fraction of its CPU, which is spent on the
 * exporting app's thread. Responses are read by the SDK's deserializer.
 * @throws Error when a span cannot be encoded (e.g. an id with an odd number of hex digits, an
 *   event or a link that is not an object), as the SDK's serializer throws.
 */
export const protobufSpanSerializer: ISerializer<ReadableSpan[], unknown> = {
  serializeRequest: encodeSpansProtobuf,
  deserializeResponse: (data) => ProtobufTraceSerializer.deserializeResponse(data),
};
