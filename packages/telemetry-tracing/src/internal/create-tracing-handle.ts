import type { BasicTracerProvider, Sampler } from '@opentelemetry/sdk-trace-base';
import { createSignalLifecycle } from '@proc/telemetry-lifecycle';
import type { SpanExportCounts, TracingHandle } from '../types.js';
import type { AdjustableRatioSampler } from './adjustable-ratio-sampler.js';
import type { BatchingSpanProcessor } from './batching-span-processor.js';
import { logger } from './diag.js';

/** Default bound of `forceFlush()` and `shutdown()`, as the SDK's forceFlush default. */
const DEFAULT_TIMEOUT_MILLIS = 30_000;

/** Parts of a provider the handle controls. */
export interface HandleParts {
  provider: BasicTracerProvider;
  sampler: Sampler;
  root: AdjustableRatioSampler;
  /** One per exporter; the first one's counts are reported (the OTLP one when listed). */
  pipelines: readonly BatchingSpanProcessor[];
  /** Whether `shutdown()` logs its summary line (`InitTracerProviderOptions.shutdownSummary`). */
  shutdownSummary: boolean;
}

/** One line with every count, so a lost span is never silent. */
function describeCounts(counts: SpanExportCounts): string {
  return (
    `${counts.ended} ended, ${counts.exported} exported, ${counts.queued} still queued, ` +
    `${counts.dropped} dropped (queue full), ${counts.failed} failed, ` +
    `${counts.invalid} unencodable, ${counts.open} still open, ` +
    `${counts.endedAfterShutdown} ended after shutdown`
  );
}

/** Wraps a provider in the shared signal lifecycle: bounded, never-rejecting, idempotent. */
export function createTracingHandle({
  provider,
  sampler,
  root,
  pipelines,
  shutdownSummary,
}: HandleParts): TracingHandle {
  const lifecycle = createSignalLifecycle({
    logger,
    signal: 'traces',
    items: 'spans',
    processorName: 'span processor',
    timeoutMillis: DEFAULT_TIMEOUT_MILLIS,
    flush: (timeoutMillis) => provider.forceFlush({ timeoutMillis }),
    shutdown: () => provider.shutdown(),
    pipelines,
    describeCounts,
    advice: 'end spans before shutdown and size the queue for the load',
    shutdownSummary,
  });

  return {
    provider,
    sampler,
    get samplingRatio() {
      return root.ratio;
    },
    getTracer(name: string, version?: string) {
      return provider.getTracer(name, version);
    },
    setSamplingRatio(ratio: number) {
      root.setRatio(ratio);
    },
    exportCounts: () => pipelines[0]?.counts(),
    forceFlush: (options) => lifecycle.forceFlush(options),
    shutdown: (options) => lifecycle.shutdown(options),
  };
}
