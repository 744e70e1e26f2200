import type { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { type TraceConfig, validateTraceConfig } from '@proc/telemetry-config';
import type { ShutdownReport, TimeoutOptions } from '@proc/telemetry-lifecycle';
import { createSampler } from './internal/create-sampler.js';
import { createSpanPipelines } from './internal/create-span-pipeline.js';
import { createTracingHandle } from './internal/create-tracing-handle.js';
import { createPooledIdGenerator } from './internal/pooled-id-generator.js';
import { createSpanSelfMetrics } from './internal/span-self-metrics.js';
import { toSpanLimits } from './internal/to-span-limits.js';
import type { InitTracerProviderOptions, TracingHandle } from './types.js';

/**
 * Builds a tracer provider from the `traces` section of the config: sampler, span limits, and
 * each exporter listed (`otlp` over `grpc`, `http/protobuf` or `http/json`; `console`) behind
 * its own batch span processor with `traceConfig.batch`, so `['console', 'otlp']` prints every
 * span and sends it. With `enabled: false` or exporter `none` there is no processor: spans are
 * still created and sampled (so context propagates) but go nowhere. The handle's counts and
 * shutdown report are the OTLP exporter's when it is listed, else the first one's.
 *
 * Registers nothing globally. Export failures never throw into the app: they reach the OTel
 * diag logger through the SDK's global error handler.
 *
 * @param resource Attached to every span. Default: the SDK's default resource.
 * @throws TelemetryConfigError (from `@proc/telemetry-config`, `validateTraceConfig`) listing
 *   every invalid field of `traceConfig` with its path and the accepted values, including TLS
 *   files that cannot be read, a client key without its certificate and headers gRPC cannot
 *   send. A section from `loadConfig()` has none of those: its environment values that could
 *   not be used were reported and ignored there.
 *
 * @example
 * const tracing = initTracerProvider(config.traces, resource);
 * trace.setGlobalTracerProvider(tracing.provider); // only if you own the globals
 * // ...
 * await shutdownTracerProvider(tracing, { timeoutMillis: 5000 });
 */
export function initTracerProvider(
  traceConfig: TraceConfig,
  resource?: Resource,
  options: InitTracerProviderOptions = {},
): TracingHandle {
  validateTraceConfig(traceConfig);
  const { sampler, root } = createSampler(traceConfig.sampler);
  const pipelines = createSpanPipelines(traceConfig, options.exporter, options.meterProvider);
  const spanProcessors: SpanProcessor[] = [...pipelines, ...(options.spanProcessors ?? [])];
  // otel.sdk.span.started and otel.sdk.span.live from plain counters, not the SDK's tracer
  // (given the meter provider it adds to two instruments per span): same names and points.
  const selfMetrics = options.meterProvider
    ? createSpanSelfMetrics(options.meterProvider)
    : undefined;
  if (selfMetrics) spanProcessors.push(selfMetrics.processor);
  const provider = new BasicTracerProvider({
    sampler: selfMetrics ? selfMetrics.countingSampler(sampler) : sampler,
    spanLimits: toSpanLimits(traceConfig.limits),
    spanProcessors,
    idGenerator: options.idGenerator ?? createPooledIdGenerator(),
    ...(resource ? { resource } : {}),
  });
  return createTracingHandle({
    provider,
    sampler,
    root,
    pipelines,
    shutdownSummary: options.shutdownSummary ?? true,
  });
}

/**
 * Flushes every span ended so far (and those ending while it flushes) and stops the provider,
 * waiting at most `timeoutMillis` (default 30000; a value that is not a finite number > 0 warns
 * and uses the default). Always resolves, and always logs one line with the span counts
 * (exported, still queued, dropped, failed, unencodable, still open, ended after shutdown), also
 * when the deadline cut it short; `handle.exportCounts()` has the same numbers. Resolves with
 * the same as a `ShutdownReport` (exported, failed, dropped by reason, still open, whether the
 * deadline was hit; `undefined` when nothing is exported). A second call warns and returns the
 * first call's promise. Spans still open are not exported: end them first.
 */
export function shutdownTracerProvider(
  handle: TracingHandle,
  options?: TimeoutOptions,
): Promise<ShutdownReport | undefined> {
  return handle.shutdown(options);
}
