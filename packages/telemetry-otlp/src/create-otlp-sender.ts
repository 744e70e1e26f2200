import { context } from '@opentelemetry/api';
import { type ExportResult, ExportResultCode, suppressTracing } from '@opentelemetry/core';
import { type IOtlpExportDelegate, OTLPExporterError } from '@opentelemetry/otlp-exporter-base';
import {
  createOtlpHttpExportDelegate,
  httpAgentFactoryFromOptions,
} from '@opentelemetry/otlp-exporter-base/node-http';
import { createOtlpGrpcExportDelegate } from '@opentelemetry/otlp-grpc-exporter-base';
import {
  type ISerializer,
  JsonLogsSerializer,
  JsonMetricsSerializer,
  JsonTraceSerializer,
  ProtobufLogsSerializer,
  ProtobufMetricsSerializer,
  ProtobufTraceSerializer,
} from '@opentelemetry/otlp-transformer';
import type { ExportConfig } from '@proc/telemetry-config';
import { grpcTransportOptions } from './internal/grpc-transport-options.js';
import { httpTransportOptions } from './internal/http-transport-options.js';
import { isRetryableGrpcError } from './internal/is-retryable-grpc-error.js';
import { SIGNAL_SERVICES } from './internal/signal-endpoints.js';
import type {
  DeliveryOutcome,
  EncodedRequest,
  OtlpEncoding,
  OtlpSender,
  OtlpSenderOptions,
  OtlpSignal,
} from './types.js';

/**
 * The queue above bounds what is in flight; the delegate's own limit only has to stay out of its
 * way (it fails, rather than waits, past it).
 */
const DELEGATE_CONCURRENCY_LIMIT = 1000;

/** Errors of a connection that may work a moment later (Node's `code`s). */
const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

/** Responses of the export service, decoded only to log a partial success. */
const RESPONSE_DECODERS: Record<OtlpSignal, Record<OtlpEncoding, ISerializer<never, unknown>>> = {
  traces: { protobuf: ProtobufTraceSerializer, json: JsonTraceSerializer },
  metrics: { protobuf: ProtobufMetricsSerializer, json: JsonMetricsSerializer },
  logs: { protobuf: ProtobufLogsSerializer, json: JsonLogsSerializer },
};

/**
 * Whether a failed OTLP/HTTP export may succeed if sent again. The HTTP delegate has already
 * retried 429/502/503/504 and network errors within the export timeout and reports them as
 * errors without a status code; a response with another status (400, 401, 404, 413, 500…) is the
 * server's final word.
 */
function isRetryableHttpError(error: unknown): boolean {
  if (error instanceof OTLPExporterError && typeof error.code === 'number') return false;
  if (error instanceof OTLPExporterError) return true; // "Export failed with retryable status"
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') return RETRYABLE_NETWORK_CODES.has(code);
  return error instanceof Error && error.message === 'Request timed out';
}

/** A serializer that sends what it is given: requests are encoded before they are queued. */
function passThrough(
  signal: OtlpSignal,
  encoding: OtlpEncoding,
): ISerializer<EncodedRequest, unknown> {
  const decoder = RESPONSE_DECODERS[signal][encoding];
  return {
    serializeRequest: (request) => request.body,
    deserializeResponse: (data) => decoder.deserializeResponse(data),
  };
}

function createDelegate(
  config: ExportConfig,
  options: OtlpSenderOptions,
  encoding: OtlpEncoding,
): IOtlpExportDelegate<EncodedRequest> {
  const service = SIGNAL_SERVICES[options.signal];
  const helper = { name: service.itemName, countItems: (request: EncodedRequest) => request.items };
  const shared = {
    compression: config.compression === 'gzip' ? ('gzip' as const) : ('none' as const),
    timeoutMillis: config.timeoutMillis,
    concurrencyLimit: DELEGATE_CONCURRENCY_LIMIT,
  };
  if (config.protocol === 'grpc') {
    const transport = grpcTransportOptions(config, { optionPath: options.optionPath });
    return createOtlpGrpcExportDelegate(
      {
        ...shared,
        url: transport.address,
        metadata: () => transport.metadata.clone(),
        credentials: () => transport.credentials,
      },
      passThrough(options.signal, encoding),
      service.grpcComponentType,
      helper,
      undefined,
      service.grpcName,
      service.grpcPath,
    );
  }
  const transport = httpTransportOptions(config, { optionPath: options.optionPath });
  const contentType = encoding === 'json' ? 'application/json' : 'application/x-protobuf';
  // Exactly the configured headers: the SDK's own OTEL_EXPORTER_OTLP_*HEADERS fallback is only
  // applied by the exporters' legacy option conversion, which is not used here.
  const headers = { ...transport.headers, 'Content-Type': contentType };
  return createOtlpHttpExportDelegate(
    {
      ...shared,
      url: transport.url,
      headers: async () => ({ ...headers }),
      agentFactory: httpAgentFactoryFromOptions(transport.httpAgentOptions),
    },
    passThrough(options.signal, encoding),
    service.httpComponentType,
    helper,
    undefined,
  );
}

/**
 * The OTLP transport of one signal, from its `ExportConfig`: `grpc` over @grpc/grpc-js,
 * `http/protobuf` and `http/json` over Node's HTTP agent, both through the SDK's public OTLP
 * export delegates. It sends requests that are already encoded (`encoding` says how to encode
 * them) and classifies each outcome as delivered, retryable or failed; it keeps no queue and does
 * not retry across calls (see `createDeliveryQueue()`).
 *
 * Every setting comes from `config`: nothing is read from `OTEL_*` variables, so headers set only
 * in `process.env` never reach the collector unless the configuration holds them.
 * @throws Error naming the option when a TLS file cannot be read.
 */
export function createOtlpSender(config: ExportConfig, options: OtlpSenderOptions): OtlpSender {
  const encoding: OtlpEncoding = config.protocol === 'http/json' ? 'json' : 'protobuf';
  const delegate = createDelegate(config, options, encoding);
  const isRetryable = config.protocol === 'grpc' ? isRetryableGrpcError : isRetryableHttpError;
  const toOutcome = (result: ExportResult): DeliveryOutcome => {
    if (result.code === ExportResultCode.SUCCESS) return { status: 'delivered' };
    return isRetryable(result.error)
      ? { status: 'retryable', error: result.error }
      : { status: 'failed', error: result.error };
  };
  return {
    encoding,
    // Suppressed, as the SDK's processors do: an instrumented http module must not trace the export.
    send: (request) =>
      new Promise((resolve) =>
        context.with(suppressTracing(context.active()), () =>
          delegate.export(request, (result) => resolve(toOutcome(result))),
        ),
      ),
    shutdown: () => delegate.shutdown(),
  };
}
