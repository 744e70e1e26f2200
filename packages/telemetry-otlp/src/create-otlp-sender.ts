import { context } from '@opentelemetry/api';
import { type ExportResult, ExportResultCode, suppressTracing } from '@opentelemetry/core';
import {
  createOtlpNetworkExportDelegate,
  type IOtlpExportDelegate,
} from '@opentelemetry/otlp-exporter-base';
import {
  createOtlpHttpExporterMetrics,
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
import { createHttpExporterTransport } from './internal/http-exporter-transport.js';
import { httpTransportOptions } from './internal/http-transport-options.js';
import { isRetryableGrpcError } from './internal/is-retryable-grpc-error.js';
import { RetryableExportError } from './internal/retryable-export-error.js';
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

/** Sent with every OTLP/HTTP request, as the SDK's exporters send theirs. */
const USER_AGENT = 'proc-telemetry-otlp';

/** Responses of the export service, decoded only to log a partial success. */
const RESPONSE_DECODERS: Record<OtlpSignal, Record<OtlpEncoding, ISerializer<never, unknown>>> = {
  traces: { protobuf: ProtobufTraceSerializer, json: JsonTraceSerializer },
  metrics: { protobuf: ProtobufMetricsSerializer, json: JsonMetricsSerializer },
  logs: { protobuf: ProtobufLogsSerializer, json: JsonLogsSerializer },
};

/**
 * Whether a failed OTLP/HTTP export may succeed if sent again: the transport marks what the
 * specification calls transient (`RetryableExportError`); anything else (a 400, 401, 404, 413,
 * 500… or the delegate's own refusal) is final.
 */
function isRetryableHttpError(error: unknown): boolean {
  return error instanceof RetryableExportError;
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
  return createOtlpNetworkExportDelegate(
    shared,
    passThrough(options.signal, encoding),
    createOtlpHttpExporterMetrics(service.httpComponentType, helper, transport.url, undefined),
    createHttpExporterTransport({
      url: transport.url,
      headers: { ...transport.headers, 'Content-Type': contentType, 'User-Agent': USER_AGENT },
      compression: shared.compression,
      agentFactory: httpAgentFactoryFromOptions(transport.httpAgentOptions),
    }),
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
    if (!isRetryable(result.error)) return { status: 'failed', error: result.error };
    const retryInMillis =
      result.error instanceof RetryableExportError ? result.error.retryInMillis : undefined;
    return retryInMillis === undefined
      ? { status: 'retryable', error: result.error }
      : { status: 'retryable', error: result.error, retryInMillis };
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
