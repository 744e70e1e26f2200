import { processInstanceId } from '../process-instance-id.js';
import type { ExportOptions, TelemetryConfigOptions } from '../types.js';
import { INSTRUMENTATIONS } from './fields.js';

/**
 * 32 MiB of encoded requests per signal: 100,000 spans of five attributes take about 16 MiB as
 * protobuf (about 165 bytes each), so a burst of that size fits twice over, while an outage
 * grows a process by at most this much (the SDK's queue of 2048 span objects takes a few MiB,
 * its exports in flight grow without bound).
 */
export const DEFAULT_MAX_QUEUE_BYTES = 32 * 1024 * 1024;

/**
 * 1 MiB of waiting requests per signal while exports fail: held gzipped, about 30,000 spans of
 * five attributes (15 times the SDK's queue of 2048 span objects), so an outage adds little to
 * the process, while the full budget stays for bursts the collector takes (docs/operations.md).
 */
export const DEFAULT_MAX_QUEUE_BYTES_WHILE_FAILING = 1024 * 1024;

const exportDefaults = (): ExportOptions => ({
  protocol: 'http/protobuf',
  headers: {},
  compression: 'none',
  timeoutMillis: 10_000,
  tls: { insecure: false },
  maxConcurrentExports: 1,
  maxQueueBytes: DEFAULT_MAX_QUEUE_BYTES,
  maxQueueBytesWhileFailing: DEFAULT_MAX_QUEUE_BYTES_WHILE_FAILING,
  retry: { maxAttempts: 5, initialBackoffMillis: 1000, maxBackoffMillis: 30_000 },
});

/**
 * Built-in defaults, the lowest layer: the values the OpenTelemetry specification gives.
 * Endpoints are not here: they depend on the final protocol (see `resolveEndpoint`).
 */
export function defaultOptions(): TelemetryConfigOptions {
  return {
    disabled: false,
    service: { name: 'unknown_service:node', instanceId: processInstanceId() },
    resource: { attributes: {}, detectors: ['env', 'host', 'os', 'process', 'container'] },
    traces: {
      enabled: true,
      exporter: ['otlp'],
      export: exportDefaults(),
      sampler: { type: 'parentbased_always_on', ratio: 1 },
      batch: {
        maxQueueSize: 2048,
        maxExportBatchSize: 512,
        scheduledDelayMillis: 5000,
        exportTimeoutMillis: 30_000,
      },
      limits: {
        attributeCountLimit: 128,
        eventCountLimit: 128,
        linkCountLimit: 128,
        attributePerEventCountLimit: 128,
        attributePerLinkCountLimit: 128,
      },
    },
    metrics: {
      enabled: true,
      exporter: ['otlp'],
      export: exportDefaults(),
      temporality: 'cumulative',
      exemplarFilter: 'trace_based',
      exportIntervalMillis: 60_000,
      exportTimeoutMillis: 30_000,
      prometheus: { host: 'localhost', port: 9464 },
    },
    logs: {
      enabled: true,
      exporter: ['otlp'],
      export: exportDefaults(),
      // The specification's OTEL_BLRP_* defaults: a shorter delay than spans', so logs show soon.
      batch: {
        maxQueueSize: 2048,
        maxExportBatchSize: 512,
        scheduledDelayMillis: 1000,
        exportTimeoutMillis: 30_000,
      },
      limits: { attributeCountLimit: 128 },
    },
    // Off unless enabled: an instrumentation patches modules the app loads.
    instrumentations: Object.fromEntries(
      INSTRUMENTATIONS.map((name) => [name, { enabled: false }]),
    ) as TelemetryConfigOptions['instrumentations'],
    propagators: ['tracecontext', 'baggage'],
    logLevel: 'info',
    selfTelemetry: { enabled: true },
  };
}
