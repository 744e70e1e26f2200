import type { OtlpEndpoint, OtlpProtocol } from '@proc/telemetry-config';
import type { DoctorFindingCode, DoctorSignal } from '../types.js';

/** What a message and its fix may name. */
export interface FindingContext {
  signal: DoctorSignal;
  protocol: OtlpProtocol;
  /** The endpoint, redacted. */
  endpoint: string;
  address: Pick<OtlpEndpoint, 'host' | 'port' | 'secure' | 'path'>;
  /** `explainConfig()` origins of the signal's export settings, by field (`endpoint`, `protocol`...). */
  origins: ReadonlyMap<string, string>;
  /** Names of the configured headers (never their values). */
  headerNames: readonly string[];
  timeoutMillis: number;
  durationMillis?: number;
  /** The transport's error, redacted. */
  error?: string;
}

/** The message of a finding and, for a problem, its fix. */
export interface FindingText {
  message: string;
  fix?: string;
}

const ITEMS: Record<DoctorSignal, string> = {
  traces: 'span',
  metrics: 'data point',
  logs: 'log record',
};

const PROTOCOL_NAMES: Record<OtlpProtocol, string> = {
  grpc: 'OTLP/gRPC',
  'http/protobuf': 'OTLP/HTTP (protobuf)',
  'http/json': 'OTLP/HTTP (JSON)',
};

/**
 * Where a field of the signal's export settings is set, for a fix to name: the variable that
 * set it, the file or code that did, or the generic variable to set when it is the default.
 */
function settingOf(context: FindingContext, field: string, variable: string): string {
  const origin = context.origins.get(field);
  const path = `${context.signal}.export.${field}`;
  if (origin?.startsWith('env:')) return origin.slice('env:'.length);
  if (origin?.startsWith('file:')) return `${path} (or export.${field}) in ${origin.slice(5)}`;
  if (origin === 'code') return `${path} (or export.${field}) in code`;
  return variable;
}

/** `http://host:4318/base` from an endpoint, without the `/v1/...` part. */
function baseOf(context: FindingContext): string {
  const url = new URL(context.endpoint);
  const path = url.pathname;
  const at = path.indexOf('/v1/');
  const kept = (at >= 0 ? path.slice(0, at) : path).replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${kept}`;
}

function problem(context: FindingContext, code: DoctorFindingCode): FindingText {
  const { signal, protocol, address } = context;
  const where = `${address.host}:${address.port}`;
  const endpointSetting = settingOf(context, 'endpoint', 'OTEL_EXPORTER_OTLP_ENDPOINT');
  const protocolSetting = settingOf(context, 'protocol', 'OTEL_EXPORTER_OTLP_PROTOCOL');
  const certificateSetting = settingOf(
    context,
    'tls.certificateFile',
    'OTEL_EXPORTER_OTLP_CERTIFICATE',
  );
  const signalEndpoint = `OTEL_EXPORTER_OTLP_${signal.toUpperCase()}_ENDPOINT`;
  const status = context.error === undefined ? '' : ` (${context.error})`;
  switch (code) {
    case 'http_to_grpc_port':
      return {
        message: `${PROTOCOL_NAMES[protocol]} sent to a gRPC port: ${where} answers HTTP/2`,
        fix: `point ${endpointSetting} at the collector's OTLP/HTTP port (4318 by default), or set ${protocolSetting}=grpc to use this port`,
      };
    case 'grpc_to_http_port':
      return {
        message: `OTLP/gRPC sent to an HTTP port: ${where} answers HTTP/1.1, not gRPC`,
        fix: `point ${endpointSetting} at the collector's OTLP/gRPC port (4317 by default), or set ${protocolSetting}=http/protobuf to use this port`,
      };
    case 'missing_signal_path':
      return {
        message: `${context.endpoint} lacks /v1/${signal}: the server answered 404`,
        fix: `a signal-specific endpoint is used as-is: set ${endpointSetting}=${baseOf(context)}/v1/${signal}, or set OTEL_EXPORTER_OTLP_ENDPOINT=${baseOf(context)} instead (the generic endpoint gets /v1/${signal} appended)`,
      };
    case 'doubled_signal_path':
      return {
        message: `${context.endpoint} has the signal path twice: the server answered 404`,
        fix: `the generic endpoint gets /v1/${signal} appended: set ${endpointSetting}=${baseOf(context)} (without /v1/...), or give the full URL in ${signalEndpoint}, which is used as-is`,
      };
    case 'path_not_found':
      return {
        message: `${where} has no OTLP endpoint at ${address.path} (HTTP 404)`,
        fix: `an OTLP/HTTP receiver serves /v1/${signal}: check the path in ${endpointSetting} (behind a proxy, the path it forwards)`,
      };
    case 'unsupported_content_type':
      return {
        message: `${where} refused the ${protocol === 'http/json' ? 'JSON' : 'protobuf'} body (HTTP 415)`,
        fix: `set ${protocolSetting} to the encoding the server takes (http/protobuf or http/json), and check that ${endpointSetting} is an OTLP receiver`,
      };
    case 'tls_to_plaintext':
      return {
        message: `TLS sent to a plain-text port: ${where} does not speak TLS`,
        fix:
          protocol === 'grpc'
            ? `use http:// in ${endpointSetting} (or host:port with OTEL_EXPORTER_OTLP_INSECURE=true), or enable TLS on the collector's receiver`
            : `use http:// in ${endpointSetting}, or enable TLS on the collector's receiver`,
      };
    case 'plaintext_to_tls':
      return {
        message: `plain text sent to a TLS port: ${where} expects TLS`,
        fix: `use https:// in ${endpointSetting}${protocol === 'grpc' ? ' (or host:port without OTEL_EXPORTER_OTLP_INSECURE)' : ''}; for a certificate not publicly trusted, set ${certificateSetting} to its CA file`,
      };
    case 'tls_untrusted':
      return {
        message: `the TLS certificate of ${where} is not trusted${status}`,
        fix: `set ${certificateSetting} to the CA file that signed it, and connect by a name the certificate holds`,
      };
    case 'tls_files':
      return {
        message: `the TLS files of ${signal}.export.tls cannot be used${status}`,
        fix: `fix ${signal}.export.tls (OTEL_EXPORTER_OTLP_CERTIFICATE, OTEL_EXPORTER_OTLP_CLIENT_KEY, OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE)`,
      };
    case 'auth_missing':
      return {
        message: `${where} requires credentials and none are sent${status}`,
        fix: `set the header the collector expects in OTEL_EXPORTER_OTLP_HEADERS (e.g. authorization=Bearer%20<token>) or ${signal}.export.headers`,
      };
    case 'auth_rejected': {
      const names = context.headerNames.join(', ');
      return {
        message: `${where} rejected the credentials sent in ${names}${status}`,
        fix: `check the value of ${names} in ${settingOf(context, 'headers', 'OTEL_EXPORTER_OTLP_HEADERS')} (not printed here) and what the collector accepts`,
      };
    }
    case 'connection_refused':
      return {
        message: `nothing listens on ${where} (connection refused)`,
        fix: `start the collector, or point ${endpointSetting} at the port it listens on (OTLP/gRPC 4317, OTLP/HTTP 4318 by default)`,
      };
    case 'host_not_found':
      return {
        message: `the host ${address.host} does not resolve${status}`,
        fix: `check the host name in ${endpointSetting} (a container name resolves only on its network)`,
      };
    case 'host_unreachable':
      return {
        message: `${where} cannot be reached${status}`,
        fix: `check the address in ${endpointSetting} and the network between this process and the collector`,
      };
    case 'no_answer':
      return {
        message: `${where} accepted the connection but did not answer within ${context.timeoutMillis} ms`,
        fix: `check that ${where} is the collector's OTLP port, not a proxy or firewall that holds requests; a slow collector needs a longer OTEL_EXPORTER_OTLP_TIMEOUT`,
      };
    case 'unavailable':
      return {
        message: `the collector at ${where} is unavailable for now${status}`,
        fix: 'the collector is starting or overloaded: check its health and memory limits (exports are retried meanwhile)',
      };
    case 'signal_not_served':
      return {
        message: `the gRPC server at ${where} does not serve OTLP ${signal}${status}`,
        fix: `enable a ${signal} pipeline with an OTLP receiver on the collector, or point ${endpointSetting} at one`,
      };
    default:
      return {
        message: `${where} refused the probe${status}`,
        fix: `see the collector's logs for why it refused a valid OTLP ${signal} request`,
      };
  }
}

/** One line saying what was found, and what to change when it is a problem. */
export function describeFinding(code: DoctorFindingCode, context: FindingContext): FindingText {
  if (code === 'delivered') {
    const took = context.durationMillis === undefined ? '' : ` in ${context.durationMillis} ms`;
    return {
      message: `delivered one ${ITEMS[context.signal]} to ${context.endpoint} over ${PROTOCOL_NAMES[context.protocol]}${took}`,
    };
  }
  return problem(context, code);
}
