// The OTLP messages, from the official opentelemetry-proto schema kept in this package (proto/,
// turned into a protobufjs JSON descriptor by scripts/generate-otlp-schema.mjs). protobufjs/light
// builds the codecs from it: no parser, no file access and no OpenTelemetry SDK code at run time.
import protobuf from 'protobufjs/light.js';
import { OTLP_SCHEMA } from './internal/otlp-schema.js';

/** What a protobufjs message type offers, as the receiver uses it. */
export interface MessageType {
  decode(reader: Uint8Array): unknown;
  encode(message: unknown): { finish(): Uint8Array };
  fromObject(object: Record<string, unknown>): unknown;
  toObject(message: unknown, options?: Record<string, unknown>): Record<string, unknown>;
  verify(message: Record<string, unknown>): string | null;
}

/** One OTLP signal: its HTTP path, gRPC service and request/response types. */
export interface Signal {
  kind: 'traces' | 'metrics' | 'logs';
  httpPath: string;
  grpcPath: string;
  request: MessageType;
  response: MessageType;
}

// The literal descriptor is narrower than protobufjs' loose `AnyNestedObject` union.
const root = protobuf.Root.fromJSON(OTLP_SCHEMA as unknown as protobuf.INamespace);
const messageType = (name: string): MessageType => root.lookupType(name) as unknown as MessageType;
const PREFIX = 'opentelemetry.proto.collector';

export const SIGNALS: Record<Signal['kind'], Signal> = {
  traces: {
    kind: 'traces',
    httpPath: '/v1/traces',
    grpcPath: '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
    request: messageType(`${PREFIX}.trace.v1.ExportTraceServiceRequest`),
    response: messageType(`${PREFIX}.trace.v1.ExportTraceServiceResponse`),
  },
  metrics: {
    kind: 'metrics',
    httpPath: '/v1/metrics',
    grpcPath: '/opentelemetry.proto.collector.metrics.v1.MetricsService/Export',
    request: messageType(`${PREFIX}.metrics.v1.ExportMetricsServiceRequest`),
    response: messageType(`${PREFIX}.metrics.v1.ExportMetricsServiceResponse`),
  },
  logs: {
    kind: 'logs',
    httpPath: '/v1/logs',
    grpcPath: '/opentelemetry.proto.collector.logs.v1.LogsService/Export',
    request: messageType(`${PREFIX}.logs.v1.ExportLogsServiceRequest`),
    response: messageType(`${PREFIX}.logs.v1.ExportLogsServiceResponse`),
  },
};

/**
 * The values of an OTLP enum by name (`SPAN_KIND_SERVER` → 2), from the schema: OTLP/JSON may
 * send an enum as its name.
 */
export function enumNames(name: string): ReadonlyMap<string, number> {
  return new Map(Object.entries(root.lookupEnum(name).values));
}

/** Options of `toObject` that the flattening code expects. */
export const TO_OBJECT_OPTIONS = { longs: String, enums: Number, oneofs: true, arrays: true };

/**
 * Decodes a binary (protobuf) export request into protobufjs message instances, which the
 * receiver flattens without a `toObject` copy.
 */
export function decodeProtobufMessage(signal: Signal, body: Uint8Array): Record<string, unknown> {
  return signal.request.decode(body) as Record<string, unknown>;
}

/** Decodes a binary (protobuf) export request into a plain object. */
export function decodeProtobuf(signal: Signal, body: Uint8Array): Record<string, unknown> {
  const message = signal.request.decode(body);
  return signal.request.toObject(message, TO_OBJECT_OPTIONS);
}

/** Encodes an export response as protobuf. */
export function encodeResponseProtobuf(signal: Signal, response: Record<string, unknown>) {
  return signal.response.encode(signal.response.fromObject(response)).finish();
}

/** Encodes an export response as OTLP/JSON. */
export function encodeResponseJson(signal: Signal, response: Record<string, unknown>): string {
  const message = signal.response.fromObject(response);
  return JSON.stringify(
    signal.response.toObject(message, { longs: String, enums: Number, defaults: false }),
  );
}

/**
 * Encodes a `google.rpc.Status` (code = 1, message = 2), the body of OTLP/HTTP error answers.
 * The message is three fields; the OTLP schema does not include it.
 */
export function encodeRpcStatus(code: number, message: string): Uint8Array {
  const bytes: number[] = [];
  const varint = (value: number) => {
    let v = value >>> 0;
    while (v > 0x7f) {
      bytes.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    bytes.push(v);
  };
  if (code !== 0) {
    bytes.push(0x08);
    varint(code);
  }
  if (message) {
    const text = Buffer.from(message, 'utf8');
    bytes.push(0x12);
    varint(text.length);
    bytes.push(...text);
  }
  return Uint8Array.from(bytes);
}
