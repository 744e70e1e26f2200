// The OTLP .proto files (opentelemetry-proto v1.9.0, kept in proto/) that the receiver decodes
// with, loaded by protobufjs' parser. Shared by the generator and the test that keeps the
// generated descriptor equal to them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

const PROTO_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'proto');

export const OTLP_PROTO_FILES = [
  'opentelemetry/proto/collector/trace/v1/trace_service.proto',
  'opentelemetry/proto/collector/metrics/v1/metrics_service.proto',
  'opentelemetry/proto/collector/logs/v1/logs_service.proto',
];

/** The JSON descriptor (protobufjs `Root#toJSON`) of the OTLP export services. */
export function otlpSchemaFromProtoFiles() {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => path.join(PROTO_DIR, target);
  root.loadSync(OTLP_PROTO_FILES, { keepCase: false });
  return root.toJSON({ keepComments: false });
}
