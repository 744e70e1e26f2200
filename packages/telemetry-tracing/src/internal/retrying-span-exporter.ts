import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { logger } from './diag.js';

/**
 * gRPC status codes the OTLP specification calls transient (RESOURCE_EXHAUSTED is retryable
 * only with RetryInfo, which the JS gRPC transport does not surface, so it is not retried).
 * https://opentelemetry.io/docs/specs/otlp/#failures
 */
const RETRYABLE_GRPC_CODES = new Set([
  1, // CANCELLED
  4, // DEADLINE_EXCEEDED
  10, // ABORTED
  11, // OUT_OF_RANGE
  14, // UNAVAILABLE
  15, // DATA_LOSS
]);

/** Whether a failed gRPC export may succeed if sent again. */
export function isRetryableGrpcError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' && RETRYABLE_GRPC_CODES.has(code);
}

/** Retry schedule; the defaults match the OTLP/HTTP exporters' own retrying transport. */
export interface RetryPolicy {
  /** Total time for one export, all attempts included (the export timeout). */
  budgetMillis: number;
  /** Default 5. */
  maxRetries?: number;
  /** Default 1000; grows 1.5x per retry, ±20% jitter. */
  initialBackoffMillis?: number;
  /** Default 5000. */
  maxBackoffMillis?: number;
}

/**
 * Wraps an exporter so transient failures are sent again with exponential backoff, within the
 * export timeout. Needed for OTLP/gRPC: `@opentelemetry/exporter-trace-otlp-grpc` 0.223 reports
 * every gRPC error as final, so one UNAVAILABLE from a restarting collector loses the batch,
 * whereas the HTTP exporters already retry 429/502/503/504. On `shutdown()`, waiting retries
 * give up at once.
 */
export class RetryingSpanExporter implements SpanExporter {
  private stopped = false;
  private readonly waiting = new Map<NodeJS.Timeout, () => void>();

  constructor(
    readonly inner: SpanExporter,
    private readonly isRetryable: (error: unknown) => boolean,
    private readonly policy: RetryPolicy,
  ) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    const deadline = Date.now() + this.policy.budgetMillis;
    let retriesLeft = this.policy.maxRetries ?? 5;
    let backoff = this.policy.initialBackoffMillis ?? 1000;
    const maxBackoff = this.policy.maxBackoffMillis ?? 5000;

    const attempt = (): void => {
      this.inner.export(spans, (result) => {
        if (
          result.code === ExportResultCode.SUCCESS ||
          this.stopped ||
          retriesLeft === 0 ||
          !this.isRetryable(result.error)
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
