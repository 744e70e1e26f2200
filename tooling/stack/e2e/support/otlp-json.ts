/** An attribute in OTLP JSON (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding). */
export interface OtlpJsonAttribute {
  key: string;
  value: OtlpJsonAnyValue;
}

/** An `AnyValue` in OTLP JSON: 64-bit integers are strings there. */
export interface OtlpJsonAnyValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
}

/** Attribute values as plain values. */
export type FlatAttributes = Record<string, string | number | boolean>;

/** One `AnyValue` as a plain value (integers as numbers; anything else as ''). */
export function anyValue(value: OtlpJsonAnyValue | undefined): string | number | boolean {
  if (!value) return '';
  return (
    value.stringValue ??
    value.boolValue ??
    value.doubleValue ??
    (value.intValue !== undefined ? Number(value.intValue) : '')
  );
}

/** An OTLP JSON attribute list as one object. */
export function flatAttributes(list: OtlpJsonAttribute[] = []): FlatAttributes {
  const out: FlatAttributes = {};
  for (const { key, value } of list) out[key] = anyValue(value);
  return out;
}
