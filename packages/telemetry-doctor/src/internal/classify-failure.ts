import type { OtlpEndpoint, OtlpProtocol } from '@proc/telemetry-config';
import { isRetryableHttpStatus } from '@proc/telemetry-otlp';
import type { DoctorFindingCode, DoctorSignal } from '../types.js';
import type { PortAnswer } from './sniff-port.js';

/** What a failed export tells, whatever the transport. */
export interface FailureFacts {
  /** The HTTP status of an OTLP/HTTP response. */
  httpStatus?: number;
  /** The gRPC status code of an OTLP/gRPC call. */
  grpcCode?: number;
  /** Node's error code (`ECONNREFUSED`, `HPE_INVALID_CONSTANT`, `EPROTO`...). */
  nodeCode?: string;
  /** Message and details, for the errors only their text tells apart. */
  text: string;
}

export function failureFacts(error: unknown, protocol: OtlpProtocol): FailureFacts {
  const { code, message, details } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
    details?: unknown;
  };
  const facts: FailureFacts = { text: `${String(message ?? error)} ${String(details ?? '')}` };
  if (typeof code === 'number') {
    if (protocol === 'grpc') facts.grpcCode = code;
    else facts.httpStatus = code;
  }
  if (typeof code === 'string') facts.nodeCode = code;
  return facts;
}

/** Certificate verification failures (Node's `code`s and OpenSSL's texts). */
const CERTIFICATE_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const CERTIFICATE_TEXT =
  /unable to verify|self[- ]signed certificate|certificate has expired|altnames|unable to get (local )?issuer/i;

/** gRPC status codes (https://grpc.github.io/grpc/core/md_doc_statuscodes.html). */
const GRPC = {
  DEADLINE_EXCEEDED: 4,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  UNIMPLEMENTED: 12,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

/** What is needed besides the error to name the mistake. */
export interface FailureContext {
  protocol: OtlpProtocol;
  signal: DoctorSignal;
  address: Pick<OtlpEndpoint, 'host' | 'port' | 'secure' | 'path'>;
  /** Whether any header is configured (401/403: missing or rejected credentials). */
  hasHeaders: boolean;
  /** What the port speaks; asked only when the error does not tell (see `sniffPort()`). */
  sniff(): Promise<PortAnswer>;
}

/** `/v1/traces/v1/traces` or `/v1/traces/v1/metrics`: a signal path appended to another. */
function pathMistake(path: string, signal: DoctorSignal): DoctorFindingCode {
  if ((path.match(/\/v1\/[^/]+/g) ?? []).length >= 2) return 'doubled_signal_path';
  if (!path.replace(/\/+$/, '').endsWith(`/v1/${signal}`)) return 'missing_signal_path';
  return 'path_not_found';
}

/** The answer of the port names the mistake where the transport's error does not. */
async function bySniffing(context: FailureContext): Promise<DoctorFindingCode | undefined> {
  const answer = await context.sniff();
  const grpc = context.protocol === 'grpc';
  if (answer === 'tls') return context.address.secure ? undefined : 'plaintext_to_tls';
  if (context.address.secure) return 'tls_to_plaintext';
  if (answer === 'http2' && !grpc) return 'http_to_grpc_port';
  if (answer === 'http1' && grpc) return 'grpc_to_http_port';
  return undefined;
}

/**
 * Names the mistake behind a failed probe export. The transport's error tells most of them
 * (an HTTP status, a gRPC code, Node's error code, OpenSSL's text); where it does not (`Parse
 * Error`, a reset connection, gRPC's `Protocol error` or `Failed to connect`), the port is asked
 * what it speaks.
 */
export async function classifyFailure(
  error: unknown,
  context: FailureContext,
): Promise<DoctorFindingCode> {
  const facts = failureFacts(error, context.protocol);
  const { httpStatus, grpcCode, nodeCode, text } = facts;
  if (/wrong version number|packet length too long|EPROTO/i.test(`${nodeCode} ${text}`)) {
    return 'tls_to_plaintext';
  }
  if ((nodeCode !== undefined && CERTIFICATE_CODES.has(nodeCode)) || CERTIFICATE_TEXT.test(text)) {
    return 'tls_untrusted';
  }
  if (
    httpStatus === 401 ||
    httpStatus === 403 ||
    grpcCode === GRPC.UNAUTHENTICATED ||
    grpcCode === GRPC.PERMISSION_DENIED
  ) {
    return context.hasHeaders ? 'auth_rejected' : 'auth_missing';
  }
  if (/Received HTTP status code/i.test(text)) return 'grpc_to_http_port';
  if (httpStatus === 404) return pathMistake(context.address.path, context.signal);
  if (httpStatus === 415) return 'unsupported_content_type';
  if (grpcCode === GRPC.UNIMPLEMENTED) return 'signal_not_served';
  if (nodeCode === 'ECONNREFUSED' || /ECONNREFUSED/.test(text)) return 'connection_refused';
  if (
    nodeCode === 'ENOTFOUND' ||
    nodeCode === 'EAI_AGAIN' ||
    /ENOTFOUND|EAI_AGAIN|Name resolution failed/.test(text)
  ) {
    return 'host_not_found';
  }
  if (/EHOSTUNREACH|ENETUNREACH/.test(`${nodeCode} ${text}`)) return 'host_unreachable';
  if (
    grpcCode === GRPC.DEADLINE_EXCEEDED ||
    nodeCode === 'ETIMEDOUT' ||
    /Request timed out/.test(text)
  ) {
    return 'no_answer';
  }
  if (
    (httpStatus !== undefined && isRetryableHttpStatus(httpStatus)) ||
    grpcCode === GRPC.RESOURCE_EXHAUSTED ||
    (grpcCode === GRPC.UNAVAILABLE && !/No connection established|Connection dropped/.test(text))
  ) {
    return 'unavailable';
  }
  if (httpStatus !== undefined) return 'rejected';
  // Parse Error, ECONNRESET, socket hang up, gRPC Protocol error / Failed to connect / dropped.
  return (await bySniffing(context)) ?? 'rejected';
}
