// The `Resource` and `InstrumentationScope` of an OTLP/JSON request, as the receiver reports them.
import type { ReceivedAttributes, ReceivedScope } from '../../types.js';
import { attributesField } from './json-any-value.js';
import {
  checkDepth,
  checkUnreported,
  elementOf,
  listField,
  messageField,
  stringField,
} from './json-fields.js';

const RESOURCE_ATTRIBUTES = '.opentelemetry.proto.resource.v1.Resource.attributes';
const RESOURCE_ENTITY_REFS = '.opentelemetry.proto.resource.v1.Resource.entityRefs';
const ENTITY_REF_ID_KEYS = '.opentelemetry.proto.common.v1.EntityRef.idKeys';
const ENTITY_REF_DESCRIPTION_KEYS = '.opentelemetry.proto.common.v1.EntityRef.descriptionKeys';
const SCOPE_ATTRIBUTES = '.opentelemetry.proto.common.v1.InstrumentationScope.attributes';

/** Reads a repeated `string` field the receiver does not report, for its errors only. */
function checkStrings(value: unknown, field: string): void {
  const list = listField(value, field);
  if (list !== undefined) for (const item of list) String(item);
}

/**
 * The attributes of the `Resource` in field `field` (a message at nesting `depth`); its entity
 * references are not reported, but checked like every other field.
 */
export function resourceField(value: unknown, field: string, depth: number): ReceivedAttributes {
  const resource = messageField(value, field);
  if (resource === undefined) return {};
  checkDepth(depth);
  const attributes = attributesField(resource.attributes, RESOURCE_ATTRIBUTES, depth + 1);
  checkUnreported(resource.droppedAttributesCount, 'uint32');
  const refs = listField(resource.entityRefs, RESOURCE_ENTITY_REFS);
  if (refs !== undefined) {
    for (let i = 0; i < refs.length; i++) {
      const ref = elementOf(refs, i, RESOURCE_ENTITY_REFS);
      checkDepth(depth + 1);
      stringField(ref.schemaUrl);
      stringField(ref.type);
      checkStrings(ref.idKeys, ENTITY_REF_ID_KEYS);
      checkStrings(ref.descriptionKeys, ENTITY_REF_DESCRIPTION_KEYS);
    }
  }
  return attributes;
}

/** The `InstrumentationScope` in field `field` (a message at nesting `depth`). */
export function scopeField(value: unknown, field: string, depth: number): ReceivedScope {
  const scope = messageField(value, field);
  if (scope === undefined) return { name: '', attributes: {} };
  checkDepth(depth);
  const name = stringField(scope.name) ?? '';
  const version = stringField(scope.version);
  const result: ReceivedScope = {
    name,
    attributes: attributesField(scope.attributes, SCOPE_ATTRIBUTES, depth + 1),
  };
  checkUnreported(scope.droppedAttributesCount, 'uint32');
  if (version) result.version = version;
  return result;
}
