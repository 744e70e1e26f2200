import type { Attributes } from '@opentelemetry/api';

/**
 * A key equal for equal attribute sets whatever the key order, as the SDK's own attribute
 * hashing (sorted keys, JSON) keys its series.
 */
export function attributesKey(attributes: Attributes): string {
  const keys = Object.keys(attributes).sort();
  return JSON.stringify(keys.map((key) => [key, attributes[key]]));
}

/** Whether every attribute of `subset` is in `attributes` with the same value. */
export function isAttributeSubset(subset: Attributes, attributes: Attributes): boolean {
  for (const key of Object.keys(subset)) {
    if (!Object.hasOwn(attributes, key)) return false;
    if (JSON.stringify(subset[key]) !== JSON.stringify(attributes[key])) return false;
  }
  return true;
}

/** The attributes of `attributes` that `kept` does not have: an exemplar's filtered attributes. */
export function attributesNotIn(attributes: Attributes, kept: Attributes): Attributes {
  const filtered: Attributes = {};
  for (const key of Object.keys(attributes)) {
    if (!Object.hasOwn(kept, key)) filtered[key] = attributes[key];
  }
  return filtered;
}
