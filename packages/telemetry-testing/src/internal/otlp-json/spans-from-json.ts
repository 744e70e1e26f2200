// The spans of a parsed OTLP/JSON `ExportTraceServiceRequest`, read field by field into the
// receiver's records (the same records `flattenTraces` makes from a protobuf request).
import { enumNames } from '../../proto.js';
import type {
  ReceivedAttributes,
  ReceivedScope,
  ReceivedSpan,
  ReceivedSpanEvent,
  ReceivedSpanLink,
} from '../../types.js';
import type { DecodedSpans } from '../decoded-export.js';
import { attributesField } from './json-any-value.js';
import {
  checkDepth,
  checkUnreported,
  elementOf,
  enumField,
  type Json,
  listField,
  messageField,
  stringField,
  uint32Field,
} from './json-fields.js';
import { hexIdField } from './json-ids.js';
import { nanosField } from './json-int64.js';
import { resourceField, scopeField } from './json-resource-scope.js';

const TRACE = '.opentelemetry.proto.trace.v1';
const REQUEST_RESOURCE_SPANS =
  '.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.resourceSpans';
const RESOURCE_SPANS_RESOURCE = `${TRACE}.ResourceSpans.resource`;
const RESOURCE_SPANS_SCOPE_SPANS = `${TRACE}.ResourceSpans.scopeSpans`;
const SCOPE_SPANS_SCOPE = `${TRACE}.ScopeSpans.scope`;
const SCOPE_SPANS_SPANS = `${TRACE}.ScopeSpans.spans`;
const SPAN_ATTRIBUTES = `${TRACE}.Span.attributes`;
const SPAN_EVENTS = `${TRACE}.Span.events`;
const SPAN_LINKS = `${TRACE}.Span.links`;
const SPAN_STATUS = `${TRACE}.Span.status`;
const EVENT_ATTRIBUTES = `${TRACE}.Span.Event.attributes`;
const LINK_ATTRIBUTES = `${TRACE}.Span.Link.attributes`;

const SPAN_KIND = enumNames('opentelemetry.proto.trace.v1.Span.SpanKind');
const STATUS_CODE = enumNames('opentelemetry.proto.trace.v1.Status.StatusCode');
const ALL_ZERO = /^0+$/;

function eventOf(event: Json): ReceivedSpanEvent {
  checkDepth(4);
  const timeUnixNano = nanosField(event.timeUnixNano);
  const name = stringField(event.name) ?? '';
  const attributes = attributesField(event.attributes, EVENT_ATTRIBUTES, 5);
  checkUnreported(event.droppedAttributesCount, 'uint32');
  return { name, timeUnixNano, attributes };
}

function linkOf(raw: Json): ReceivedSpanLink {
  checkDepth(4);
  const traceId = hexIdField(raw.traceId, 'traceId');
  const spanId = hexIdField(raw.spanId, 'spanId');
  const traceState = stringField(raw.traceState);
  const link: ReceivedSpanLink = {
    traceId,
    spanId,
    attributes: attributesField(raw.attributes, LINK_ATTRIBUTES, 5),
  };
  checkUnreported(raw.droppedAttributesCount, 'uint32');
  uint32Field(raw.flags);
  if (traceState) link.traceState = traceState;
  return link;
}

/**
 * One span, or `undefined` when its ids are invalid (it is still read to the end, so a broken
 * field anywhere fails the request as before).
 */
function spanOf(
  s: Json,
  resource: ReceivedAttributes,
  scope: ReceivedScope,
): ReceivedSpan | undefined {
  checkDepth(3);
  const traceId = hexIdField(s.traceId, 'traceId');
  const spanId = hexIdField(s.spanId, 'spanId');
  const traceState = stringField(s.traceState);
  const parentSpanId = hexIdField(s.parentSpanId, 'parentSpanId');
  const flags = uint32Field(s.flags);
  const name = stringField(s.name) ?? '';
  const kind = enumField(s.kind, SPAN_KIND) ?? 0;
  const startTimeUnixNano = nanosField(s.startTimeUnixNano);
  const endTimeUnixNano = nanosField(s.endTimeUnixNano);
  const attributes = attributesField(s.attributes, SPAN_ATTRIBUTES, 4);
  checkUnreported(s.droppedAttributesCount, 'uint32');
  checkUnreported(s.droppedEventsCount, 'uint32');
  checkUnreported(s.droppedLinksCount, 'uint32');
  const eventList = listField(s.events, SPAN_EVENTS);
  const events: ReceivedSpanEvent[] = [];
  if (eventList !== undefined) {
    for (let i = 0; i < eventList.length; i++) {
      events.push(eventOf(elementOf(eventList, i, SPAN_EVENTS)));
    }
  }
  const linkList = listField(s.links, SPAN_LINKS);
  const links: ReceivedSpanLink[] = [];
  if (linkList !== undefined) {
    for (let i = 0; i < linkList.length; i++) {
      links.push(linkOf(elementOf(linkList, i, SPAN_LINKS)));
    }
  }
  const status = messageField(s.status, SPAN_STATUS);
  let statusMessage: string | undefined;
  let statusCode = 0;
  if (status !== undefined) {
    checkDepth(4);
    statusMessage = stringField(status.message);
    statusCode = enumField(status.code, STATUS_CODE) ?? 0;
  }
  if (traceId.length !== 32 || spanId.length !== 16 || ALL_ZERO.test(traceId + spanId)) {
    return undefined;
  }
  const span: ReceivedSpan = {
    traceId,
    spanId,
    flags,
    name,
    kind: Math.max(0, kind - 1),
    status: { code: statusCode },
    attributes,
    events,
    links,
    resource,
    scope,
    startTimeUnixNano,
    endTimeUnixNano,
    protocol: 'http/json',
  };
  if (parentSpanId) span.parentSpanId = parentSpanId;
  if (traceState) span.traceState = traceState;
  if (statusMessage) span.status.message = statusMessage;
  return span;
}

/** The spans of a parsed OTLP/JSON trace export request. */
export function spansFromJson(request: Json): DecodedSpans {
  const spans: ReceivedSpan[] = [];
  let rejected = 0;
  let error: string | undefined;
  const resourceSpansList = listField(request.resourceSpans, REQUEST_RESOURCE_SPANS) ?? [];
  for (let r = 0; r < resourceSpansList.length; r++) {
    const resourceSpans = elementOf(resourceSpansList, r, REQUEST_RESOURCE_SPANS);
    const resource = resourceField(resourceSpans.resource, RESOURCE_SPANS_RESOURCE, 2);
    const scopeSpansList = listField(resourceSpans.scopeSpans, RESOURCE_SPANS_SCOPE_SPANS) ?? [];
    for (let c = 0; c < scopeSpansList.length; c++) {
      const scopeSpans = elementOf(scopeSpansList, c, RESOURCE_SPANS_SCOPE_SPANS);
      const scope = scopeField(scopeSpans.scope, SCOPE_SPANS_SCOPE, 3);
      const spanList = listField(scopeSpans.spans, SCOPE_SPANS_SPANS) ?? [];
      for (let i = 0; i < spanList.length; i++) {
        const raw = elementOf(spanList, i, SCOPE_SPANS_SPANS);
        const span = spanOf(raw, resource, scope);
        if (span !== undefined) spans.push(span);
        else {
          rejected++;
          error ??= `span "${stringField(raw.name) ?? ''}" has an invalid trace id or span id`;
        }
      }
      checkUnreported(scopeSpans.schemaUrl, 'string');
    }
    checkUnreported(resourceSpans.schemaUrl, 'string');
  }
  return error === undefined ? { spans, rejected } : { spans, rejected, error };
}
