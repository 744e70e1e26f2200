/**
 * What gRPC metadata accepts (`@grpc/grpc-js` `Metadata.set` throws otherwise, which would stop
 * the exporter from being built): names of lower-case letters, digits, `-`, `_`, `.` (names are
 * lower-cased first), `-bin` names only with binary values, values of printable ASCII.
 * https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-HTTP2.md
 */
const NAME = /^[0-9a-z_.-]+$/;
const VALUE = /^[\u0020-\u007e]*$/;

/** Why header `name: value` cannot be sent as gRPC metadata, or `undefined` when it can. */
export function grpcHeaderProblem(name: string, value: string): string | undefined {
  const key = name.toLowerCase();
  if (!NAME.test(key)) {
    return `header "${name}" to have a gRPC metadata name (letters, digits, "-", "_" and "." only)`;
  }
  if (key.endsWith('-bin')) return `header "${name}" not to end in "-bin" (binary gRPC metadata)`;
  if (!VALUE.test(value)) return `header "${name}" to have a printable ASCII value for gRPC`;
  return undefined;
}
