import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import {
  isRetryableGrpcError,
  RetryingSpanExporter,
} from '../../src/internal/retrying-span-exporter.js';

/** Fails with the given gRPC codes, in order, then succeeds. */
class FlakyExporter implements SpanExporter {
  attempts = 0;
  shutdownCalls = 0;
  constructor(private readonly codes: number[]) {}
  export(_spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    const code = this.codes[this.attempts++];
    if (code === undefined) done({ code: ExportResultCode.SUCCESS });
    else
      done({
        code: ExportResultCode.FAILED,
        error: Object.assign(new Error(`code ${code}`), { code }),
      });
  }
  async shutdown(): Promise<void> {
    this.shutdownCalls++;
  }
}

function exportOnce(exporter: SpanExporter): Promise<ExportResult> {
  return new Promise((resolve) => exporter.export([], resolve));
}

const fast = { budgetMillis: 5000, initialBackoffMillis: 1, maxBackoffMillis: 2 };

describe('RetryingSpanExporter', () => {
  describe('export', () => {
    it('should retry UNAVAILABLE until the export succeeds', async () => {
      const inner = new FlakyExporter([14, 14]);
      const result = await exportOnce(new RetryingSpanExporter(inner, isRetryableGrpcError, fast));
      expect(result.code).toBe(ExportResultCode.SUCCESS);
      expect(inner.attempts).toBe(3);
    });

    it('should not retry a permanent error such as INVALID_ARGUMENT', async () => {
      const inner = new FlakyExporter([3]);
      const result = await exportOnce(new RetryingSpanExporter(inner, isRetryableGrpcError, fast));
      expect(result.code).toBe(ExportResultCode.FAILED);
      expect(inner.attempts).toBe(1);
    });

    it('should give up after maxRetries', async () => {
      const inner = new FlakyExporter([14, 14, 14, 14]);
      const exporter = new RetryingSpanExporter(inner, isRetryableGrpcError, {
        ...fast,
        maxRetries: 2,
      });
      const result = await exportOnce(exporter);
      expect(result.code).toBe(ExportResultCode.FAILED);
      expect(inner.attempts).toBe(3);
    });

    it('should give up when the next retry would pass the budget', async () => {
      const inner = new FlakyExporter([14, 14]);
      const exporter = new RetryingSpanExporter(inner, isRetryableGrpcError, {
        budgetMillis: 10,
        initialBackoffMillis: 1000,
      });
      expect((await exportOnce(exporter)).code).toBe(ExportResultCode.FAILED);
      expect(inner.attempts).toBe(1);
    });
  });

  describe('shutdown', () => {
    it('should end a waiting retry as failed and shut the inner exporter down', async () => {
      const inner = new FlakyExporter([14, 14]);
      const exporter = new RetryingSpanExporter(inner, isRetryableGrpcError, {
        budgetMillis: 60_000,
        initialBackoffMillis: 30_000,
      });
      const pending = exportOnce(exporter);
      await exporter.shutdown();
      expect((await pending).code).toBe(ExportResultCode.FAILED);
      expect(inner.attempts).toBe(1);
      expect(inner.shutdownCalls).toBe(1);
    });
  });
});

describe('isRetryableGrpcError', () => {
  describe('isRetryableGrpcError()', () => {
    it.each([
      [1, true],
      [4, true],
      [10, true],
      [11, true],
      [14, true],
      [15, true],
      [3, false],
      [8, false],
      [16, false],
    ])('should classify gRPC code %i as retryable=%s', (code, retryable) => {
      expect(isRetryableGrpcError({ code })).toBe(retryable);
    });

    it('should not retry errors without a gRPC code', () => {
      expect(isRetryableGrpcError(new Error('x'))).toBe(false);
      expect(isRetryableGrpcError(undefined)).toBe(false);
    });
  });
});
