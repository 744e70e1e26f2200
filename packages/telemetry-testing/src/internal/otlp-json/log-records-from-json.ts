// The log records of a parsed OTLP/JSON `ExportLogsServiceRequest`, read field by field into the
// receiver's records (the same records `flattenLogs` makes from a protobuf request).
import { enumNames } from '../../proto.js';
import type { ReceivedAttributes, ReceivedLogRecord, ReceivedScope } from '../../types.js';
import { anyValueOf, attributesField } from './json-any-value.js';
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

const LOGS = '.opentelemetry.proto.logs.v1';
const REQUEST_RESOURCE_LOGS =
  '.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest.resourceLogs';
const RESOURCE_LOGS_RESOURCE = `${LOGS}.ResourceLogs.resource`;
const RESOURCE_LOGS_SCOPE_LOGS = `${LOGS}.ResourceLogs.scopeLogs`;
const SCOPE_LOGS_SCOPE = `${LOGS}.ScopeLogs.scope`;
const SCOPE_LOGS_LOG_RECORDS = `${LOGS}.ScopeLogs.logRecords`;
const LOG_RECORD_BODY = `${LOGS}.LogRecord.body`;
const LOG_RECORD_ATTRIBUTES = `${LOGS}.LogRecord.attributes`;

const SEVERITY_NUMBER = enumNames('opentelemetry.proto.logs.v1.SeverityNumber');

/** One log record (a message at nesting depth 3). */
function logRecordOf(
  r: Json,
  resource: ReceivedAttributes,
  scope: ReceivedScope,
): ReceivedLogRecord {
  checkDepth(3);
  const timeUnixNano = nanosField(r.timeUnixNano);
  const observedTimeUnixNano = nanosField(r.observedTimeUnixNano);
  const severityNumber = enumField(r.severityNumber, SEVERITY_NUMBER) ?? 0;
  const severityText = stringField(r.severityText);
  const body = messageField(r.body, LOG_RECORD_BODY);
  const bodyValue = body === undefined ? undefined : anyValueOf(body, 4);
  const attributes = attributesField(r.attributes, LOG_RECORD_ATTRIBUTES, 4);
  checkUnreported(r.droppedAttributesCount, 'uint32');
  const flags = uint32Field(r.flags);
  const traceId = hexIdField(r.traceId, 'traceId');
  const spanId = hexIdField(r.spanId, 'spanId');
  const eventName = stringField(r.eventName);
  const record: ReceivedLogRecord = {
    timeUnixNano,
    observedTimeUnixNano,
    severityNumber,
    body: bodyValue,
    attributes,
    flags,
    resource,
    scope,
    protocol: 'http/json',
  };
  if (severityText) record.severityText = severityText;
  if (traceId) record.traceId = traceId;
  if (spanId) record.spanId = spanId;
  if (eventName) record.eventName = eventName;
  return record;
}

/** The log records of a parsed OTLP/JSON logs export request. */
export function logRecordsFromJson(request: Json): ReceivedLogRecord[] {
  const records: ReceivedLogRecord[] = [];
  const resourceLogsList = listField(request.resourceLogs, REQUEST_RESOURCE_LOGS) ?? [];
  for (let r = 0; r < resourceLogsList.length; r++) {
    const resourceLogs = elementOf(resourceLogsList, r, REQUEST_RESOURCE_LOGS);
    const resource = resourceField(resourceLogs.resource, RESOURCE_LOGS_RESOURCE, 2);
    const scopeLogsList = listField(resourceLogs.scopeLogs, RESOURCE_LOGS_SCOPE_LOGS) ?? [];
    for (let c = 0; c < scopeLogsList.length; c++) {
      const scopeLogs = elementOf(scopeLogsList, c, RESOURCE_LOGS_SCOPE_LOGS);
      const scope = scopeField(scopeLogs.scope, SCOPE_LOGS_SCOPE, 3);
      const recordList = listField(scopeLogs.logRecords, SCOPE_LOGS_LOG_RECORDS) ?? [];
      for (let i = 0; i < recordList.length; i++) {
        records.push(
          logRecordOf(elementOf(recordList, i, SCOPE_LOGS_LOG_RECORDS), resource, scope),
        );
      }
      checkUnreported(scopeLogs.schemaUrl, 'string');
    }
    checkUnreported(resourceLogs.schemaUrl, 'string');
  }
  return records;
}
