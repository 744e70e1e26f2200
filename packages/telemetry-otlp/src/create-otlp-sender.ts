import { context } from '@opentelemetry/api';
import { type ExportResult, ExportResultCode, suppressTracing } from '@opentelemetry/core';
import {
  createOtlpNetworkExportDelegate,
  type IOtlpExportDelegate,
} from '@opentelemetry/otlp-exporter-base';
import { createOtlpHttpExporterMetrics } from '@opentelemetry/otlp-exporter-base/node-http';
import {
  type ISerializer,
  JsonLogsSerializer,
  JsonMetricsSerializer,
  JsonTraceSerializer,
  ProtobufLogsSerializer,
  ProtobufMetricsSerializer,
  ProtobufTraceSerializer,
} from '@opentelemetry/otlp-transformer';
import { type ExportConfig, OTLP_EXPORT_USER_AGENT } from '@proc/telemetry-config';
import { type GrpcExporterBase, loadGrpcExporterBase } from './internal/grpc-exporter-base.js';
import { grpcTransportOptions } from './internal/grpc-transport-options.js';
import { createHttpExporterTransport } from './internal/http-exporter-transport.js';
import { httpTransportOptions } from './internal/http-transport-options.js';
import { isRetryableGrpcError } from './internal/is-retryable-grpc-error.js';
import { readTlsFiles } from './internal/read-tls-files.js';
import { bodyIn, type ContentEncoding } from './internal/request-content-encoding.js';
import { RetryableExportError } from './internal/retryable-export-error.js';
import { SIGNAL_SERVICES } from './internal/signal-endpoints.js';
import { transportEndpoint } from './internal/transport-endpoint.js';
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

/** What the sender uses of an export delegate. */
type SenderDelegate = Pick<IOtlpExportDelegate<EncodedRequest>, 'export' | 'shutdown'>;

function delegateOptions(config: ExportConfig) {
  return {
    compression: config.compression === 'gzip' ? ('gzip' as const) : ('none' as const),
    timeoutMillis: config.timeoutMillis,
    concurrencyLimit: DELEGATE_CONCURRENCY_LIMIT,
  };
}

function itemCounter(options: OtlpSenderOptions) {
  const service = SIGNAL_SERVICES[options.signal];
  return { name: service.itemName, countItems: (request: EncodedRequest) => request.items };
}

/**
 * The gRPC delegate, once `@opentelemetry/otlp-grpc-exporter-base` is loaded. The TLS files are
 * read before, at start-up, so an unreadable one still fails there.
 */
function createGrpcDelegate(
  grpc: GrpcExporterBase,
  config: ExportConfig,
  options: OtlpSenderOptions,
  encoding: OtlpEncoding,
  material: ReturnType<typeof readTlsFiles>,
): IOtlpExportDelegate<EncodedRequest> {
  const service = SIGNAL_SERVICES[options.signal];
  const transport = grpcTransportOptions(grpc, config, material, {
    optionPath: options.optionPath,
  });
  return grpc.createOtlpGrpcExportDelegate(
    {
      ...delegateOptions(config),
      url: transport.address,
      metadata: () => transport.metadata.clone(),
      credentials: () => transport.credentials,
    },
    passThrough(options.signal, encoding),
    service.grpcComponentType,
    itemCounter(options),
    undefined,
    service.grpcName,
    service.grpcPath,
  );
}

/**
 * A delegate that loads the gRPC one on its first export: an app that never exports over gRPC
 * never loads `@grpc/grpc-js`. A missing optional peer fails each export with the error naming
 * the package (start-up checks it first through `loadGrpcExporterBase()`).
 */
function lazyGrpcDelegate(
  config: ExportConfig,
  options: OtlpSenderOptions,
  encoding: OtlpEncoding,
): SenderDelegate {
  // Checked now, as the HTTP path checks them: a bad endpoint or an unreadable TLS file fails
  // at start-up, not at the first export.
  transportEndpoint(config, options.optionPath, 'url-or-host-port');
  const material = readTlsFiles(config.tls, `${options.optionPath}.tls`);
  let delegate: Promise<IOtlpExportDelegate<EncodedRequest>> | undefined;
  const loaded = () => {
    delegate ??= loadGrpcExporterBase(options.optionPath).then((grpc) =>
      createGrpcDelegate(grpc, config, options, encoding, material),
    );
    return delegate;
  };
  return {
    export(request, resultCallback) {
      loaded().then(
        (grpc) => grpc.export(request, resultCallback),
        (error: unknown) =>
          resultCallback({ code: ExportResultCode.FAILED, error: error as Error }),
      );
    },
    shutdown: async () => {
      if (delegate !== undefined) await (await delegate.catch(() => undefined))?.shutdown();
    },
  };
}

function createDelegate(
  config: ExportConfig,
  options: OtlpSenderOptions,
  encoding: OtlpEncoding,
): SenderDelegate {
  if (config.protocol === 'grpc') return lazyGrpcDelegate(config, options, encoding);
  const service = SIGNAL_SERVICES[options.signal];
  const transport = httpTransportOptions(config, { optionPath: options.optionPath });
  const contentType = encoding === 'json' ? 'application/json' : 'application/x-protobuf';
  // Exactly the configured headers: the SDK's own OTEL_EXPORTER_OTLP_*HEADERS fallback is only
  // applied by the exporters' legacy option conversion, which is not used here.
  const shared = delegateOptions(config);
  return createOtlpNetworkExportDelegate(
    shared,
    passThrough(options.signal, encoding),
    createOtlpHttpExporterMetrics(
      service.httpComponentType,
      itemCounter(options),
      transport.url,
      undefined,
    ),
    createHttpExporterTransport({
      url: transport.url,
      headers: {
        ...transport.headers,
        'Content-Type': contentType,
        'User-Agent': OTLP_EXPORT_USER_AGENT,
      },
      compression: shared.compression,
      agentOptions: transport.httpAgentOptions,
    }),
  );
}

/**
 * The OTLP transport of one signal, from its `ExportConfig`: `grpc` over @grpc/grpc-js (the
 * optional peer `@opentelemetry/otlp-grpc-exporter-base`, loaded on the first export),
 * `http/protobuf` and `http/json` over Node's HTTP agent, both through the SDK's public OTLP
 * export delegates. It sends requests that are already encoded (`encoding` says how to encode
 * them; one held gzipped, `contentEncoding: 'gzip'`, is sent so over OTLP/HTTP with `compression:
 * gzip` and unzipped first otherwise) and classifies each outcome as delivered, retryable or
 * failed; it keeps no queue and does not retry across calls (see `createDeliveryQueue()`).
 *
 * Every setting comes from `config`: nothing is read from `OTEL_*` variables, so headers set only
 * in `process.env` never reach the collector unless the configuration holds them.
 * @throws Error naming the option when a TLS file cannot be read.
 */
export function createOtlpSender(config: ExportConfig, options: OtlpSenderOptions): OtlpSender {
  const encoding: OtlpEncoding = config.protocol === 'http/json' ? 'json' : 'protobuf';
  const delegate = createDelegate(config, options, encoding);
  const isRetryable = config.protocol === 'grpc' ? isRetryableGrpcError : isRetryableHttpError;
  // OTLP/HTTP with gzip takes the body gzipped as it is held; gRPC compresses messages itself.
  const wire: ContentEncoding =
    config.protocol !== 'grpc' && config.compression === 'gzip' ? 'gzip' : 'identity';
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
    send: async (request) => {
      let body: Uint8Array;
      try {
        body = await bodyIn(request, wire);
      } catch (error) {
        return { status: 'failed', error };
      }
      return new Promise((resolve) =>
        context.with(suppressTracing(context.active()), () =>
          delegate.export({ body, items: request.items }, (result) => resolve(toOutcome(result))),
        ),
      );
    },
    shutdown: () => delegate.shutdown(),
  };
}
