import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { logger } from './internal/diag.js';
import { isRetryableGrpcError } from './is-retryable-grpc-error.js';
import type { OtlpExporter, RetryOptions } from './types.js';

type ItemsOf<T extends OtlpExporter<never>> = Parameters<T['export']>[0];

/** The retry loop around one exporter; `createRetryingExporter()` exposes it. */
class RetryLoop<T extends OtlpExporter<never>> {
  private stopped = false;
  private readonly waiting = new Map<NodeJS.Timeout, () => void>();

  constructor(
    private readonly inner: T,
    private readonly options: RetryOptions,
  ) {}

  export(items: ItemsOf<T>, done: (result: ExportResult) => void): void {
    const deadline = Date.now() + this.options.budgetMillis;
    const isRetryable = this.options.isRetryable ?? isRetryableGrpcError;
    const maxBackoff = this.options.maxBackoffMillis ?? 5000;
    let retriesLeft = this.options.maxRetries ?? 5;
    let backoff = this.options.initialBackoffMillis ?? 1000;

    const attempt = (): void => {
      this.inner.export(items as never, (result) => {
        if (
          result.code === ExportResultCode.SUCCESS ||
          this.stopped ||
          retriesLeft === 0 ||
          !isRetryable(result.error)
        ) {
          done(result);
          return;
        }
        const delay = Math.min(backoff * (0.8 + Math.random() * 0.4), maxBackoff);
        backoff *= 1.5;
        if (Date.now() + delay > deadline) {
          done(result);
          return;
        }
        retriesLeft--;
        logger.debug(
          `export failed (${result.error?.message}); retrying in ${Math.round(delay)} ms`,
        );
        const timer = setTimeout(() => {
          this.waiting.delete(timer);
          attempt();
        }, delay);
        this.waiting.set(timer, () => done(result));
      });
    };
    attempt();
  }

  async shutdown(): Promise<void> {
    this.stopped = true;
    for (const [timer, giveUp] of this.waiting) {
      clearTimeout(timer);
      giveUp();
    }
    this.waiting.clear();
    await this.inner.shutdown();
  }

  async forceFlush(): Promise<void> {
    await this.inner.forceFlush?.();
  }
}

/**
 * Wraps a `SpanExporter` or `PushMetricExporter` so transient failures are sent again with
 * exponential backoff, within `budgetMillis`. Needed for OTLP/gRPC: the 0.223 gRPC exporters
 * report every gRPC error as final, so one UNAVAILABLE from a restarting collector loses the
 * batch, whereas the HTTP exporters already retry 429/502/503/504.
 *
 * The result is the same exporter with `export`, `shutdown` and `forceFlush` replaced: every
 * other member (e.g. `selectAggregationTemporality` of a metric exporter) is the wrapped one's,
 * and `instanceof` still holds. On `shutdown()`, waiting retries give up at once and report
 * the last failure.
 */
export function createRetryingExporter<T extends OtlpExporter<never>>(
  exporter: T,
  options: RetryOptions,
): T {
  const loop = new RetryLoop(exporter, options);
  const replaced: Record<PropertyKey, unknown> = {
    export: loop.export.bind(loop),
    shutdown: loop.shutdown.bind(loop),
    forceFlush: loop.forceFlush.bind(loop),
  };
  return new Proxy(exporter, {
    get(target, property) {
      if (Object.hasOwn(replaced, property)) return replaced[property];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
