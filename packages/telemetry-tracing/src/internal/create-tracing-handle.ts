import type { BasicTracerProvider, Sampler } from '@opentelemetry/sdk-trace-base';
import { createLifecycle, type ShutdownReport, shutdownReport } from '@proc/telemetry-lifecycle';
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

/** Reports what a shutdown delivered: info when everything arrived, a warning otherwise. */
function reportShutdown(counts: SpanExportCounts, timedOut: boolean, timeoutMillis: number) {
  const lost =
    counts.queued + counts.dropped + counts.failed + counts.invalid + counts.endedAfterShutdown;
  const summary = `shutdown: spans ${describeCounts(counts)}`;
  if (timedOut) {
    logger.warn(`${summary}; not finished within ${timeoutMillis} ms, the queued spans are lost`);
  } else if (lost > 0 || counts.open > 0) {
    logger.warn(`${summary}; end spans before shutdown and size the queue for the load`);
  } else {
    logger.info(summary);
  }
}

/** Wraps a provider in the shared lifecycle: bounded, never-rejecting, idempotent. */
export function createTracingHandle({
  provider,
  sampler,
  root,
  pipelines,
  shutdownSummary,
}: HandleParts): TracingHandle {
  const pipeline = pipelines[0];
  const lifecycle = createLifecycle<ShutdownReport | undefined>({
    logger,
    shutdownTimeoutMillis: DEFAULT_TIMEOUT_MILLIS,
    flushTimeoutMillis: DEFAULT_TIMEOUT_MILLIS,
    flush: (timeoutMillis) => provider.forceFlush({ timeoutMillis }),
    shutdown: () => provider.shutdown(),
    afterFlush(outcome, timeoutMillis) {
      if (outcome.status === 'failed') logger.error('forceFlush: export failed', outcome.error);
      if (outcome.status === 'timeout') {
        const counts = pipeline?.counts();
        logger.warn(
          `forceFlush: not finished within ${timeoutMillis} ms${counts ? `; spans ${describeCounts(counts)}` : ''}`,
        );
      }
    },
    afterShutdown(outcome, timeoutMillis) {
      if (outcome.status === 'failed') {
        logger.error('shutdown: a span processor failed', outcome.error);
      }
      if (!pipeline) return undefined;
      // Counted before giving up, so the queued spans are reported as queued, not as failed.
      const counts = pipeline.counts();
      const timedOut = outcome.status === 'timeout';
      if (timedOut) for (const each of pipelines) each.abandon();
      if (shutdownSummary) reportShutdown(counts, timedOut, timeoutMillis);
      return shutdownReport('traces', 'spans', counts, timedOut);
    },
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
    exportCounts: () => pipeline?.counts(),
    forceFlush: (options) => lifecycle.forceFlush(options),
    shutdown: (options) => lifecycle.shutdown(options),
  };
}
