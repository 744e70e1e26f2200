import type { BasicTracerProvider, Sampler, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { settleWithin } from '@proc/telemetry-otlp';
import type { ForceFlushOptions, ShutdownOptions, TracingHandle } from '../types.js';
import type { AdjustableRatioSampler } from './adjustable-ratio-sampler.js';
import { logger } from './diag.js';
import type { SpanAccounting } from './span-accounting.js';

/** Default bound of `forceFlush()` and `shutdown()`, as the SDK's forceFlush default. */
const DEFAULT_TIMEOUT_MILLIS = 30_000;

function timeoutOf(
  options: ShutdownOptions | ForceFlushOptions | undefined,
  method: string,
): number {
  const value = options?.timeoutMillis ?? DEFAULT_TIMEOUT_MILLIS;
  if (typeof value !== 'number' || !(value > 0)) {
    throw new RangeError(`${method}: timeoutMillis must be a number > 0, got ${String(value)}`);
  }
  return value;
}

/** Parts of a provider the handle controls. */
export interface HandleParts {
  provider: BasicTracerProvider;
  sampler: Sampler;
  root: AdjustableRatioSampler;
  exporter: SpanExporter | undefined;
  accounting: SpanAccounting | undefined;
}

/** Says what a finished shutdown could not deliver. */
function reportLosses(accounting: SpanAccounting, openAtShutdown: number): void {
  const { ended, exported, failed } = accounting.counts();
  if (openAtShutdown > 0) {
    logger.warn(
      `shutdown: ${openAtShutdown} sampled span(s) were still open and will not be exported; end spans before shutdown`,
    );
  }
  const dropped = ended - exported;
  if (dropped > 0) {
    logger.warn(
      `shutdown: ${dropped} of ${ended} ended span(s) were dropped because the queue (traces.batch.maxQueueSize) was full`,
    );
  }
  if (failed > 0) {
    logger.error(
      `shutdown: ${failed} of ${exported} span(s) handed to the exporter failed to export`,
    );
  }
}

/** Wraps a provider in the `TracingHandle` lifecycle: bounded, never-rejecting, idempotent. */
export function createTracingHandle({
  provider,
  sampler,
  root,
  exporter,
  accounting,
}: HandleParts): TracingHandle {
  let shutdownPromise: Promise<void> | undefined;

  const shutdownWithin = async (timeoutMillis: number): Promise<void> => {
    accounting?.stop();
    const openAtShutdown = accounting?.counts().open ?? 0;
    const outcome = await settleWithin(provider.shutdown(), timeoutMillis);
    if (accounting && outcome.status !== 'timeout') reportLosses(accounting, openAtShutdown);
    if (outcome.status === 'done') return;
    if (outcome.status === 'failed') {
      logger.error(
        'shutdown: the final export failed; spans still queued were lost',
        outcome.error,
      );
    } else {
      logger.warn(
        `shutdown: not finished within ${timeoutMillis} ms; spans still queued or in flight may be lost`,
      );
    }
    // The batch processor skips exporter.shutdown() when its last flush fails; close the
    // exporter anyway so its connections do not keep the process alive.
    if (exporter) {
      Promise.resolve()
        .then(() => exporter.shutdown())
        .catch((error: unknown) => logger.debug('exporter shutdown failed', error));
    }
  };

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
    async forceFlush(options?: ForceFlushOptions) {
      const timeoutMillis = timeoutOf(options, 'forceFlush');
      if (shutdownPromise) {
        logger.warn('forceFlush() after shutdown() does nothing');
        return;
      }
      const outcome = await settleWithin(provider.forceFlush({ timeoutMillis }), timeoutMillis);
      if (outcome.status === 'failed') logger.error('forceFlush: export failed', outcome.error);
      if (outcome.status === 'timeout') {
        logger.warn(`forceFlush: not finished within ${timeoutMillis} ms`);
      }
    },
    shutdown(options?: ShutdownOptions) {
      const timeoutMillis = timeoutOf(options, 'shutdown');
      if (shutdownPromise) {
        logger.warn('shutdown() called more than once; the provider is already shut down');
        return shutdownPromise;
      }
      shutdownPromise = shutdownWithin(timeoutMillis);
      return shutdownPromise;
    },
  };
}
