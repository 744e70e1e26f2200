import type { Attributes } from '@opentelemetry/api';

/**
 * A key equal for equal attribute sets whatever the key order, as the SDK's own attribute
 * hashing (sorted keys, JSON) keys its series: an exemplar is stored under the key of the
 * attributes its point gets, and found again from the point's own attributes.
 */
export function attributesKey(attributes: Attributes): string {
  const keys = Object.keys(attributes).sort();
  return JSON.stringify(keys.map((key) => [key, attributes[key]]));
}

/** The attributes of `attributes` that `kept` does not have: an exemplar's filtered attributes. */
export function attributesNotIn(attributes: Attributes, kept: Attributes): Attributes {
  const filtered: Attributes = {};
  for (const key of Object.keys(attributes)) {
    if (!Object.hasOwn(kept, key)) filtered[key] = attributes[key];
  }
  return filtered;
}
