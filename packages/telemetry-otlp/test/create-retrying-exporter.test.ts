import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { createRetryingExporter, type OtlpExporter } from '../src/index.js';

/** Fails with the given gRPC codes, in order, then succeeds. */
class FlakyExporter implements OtlpExporter<unknown[]> {
  attempts = 0;
  shutdownCalls = 0;
  flushCalls = 0;
  constructor(private readonly codes: number[]) {}
  export(_items: unknown[], done: (result: ExportResult) => void): void {
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
  async forceFlush(): Promise<void> {
    this.flushCalls++;
  }
}

/** A FlakyExporter with the extra members of a PushMetricExporter. */
class FlakyMetricExporter extends FlakyExporter {
  private readonly temporality = 'delta';
  selectAggregationTemporality(_instrumentType: string): string {
    return this.temporality;
  }
}

function exportOnce(exporter: OtlpExporter<unknown[]>): Promise<ExportResult> {
  return new Promise((resolve) => exporter.export([], resolve));
}

const fast = { budgetMillis: 5000, initialBackoffMillis: 1, maxBackoffMillis: 2 };

describe('createRetryingExporter', () => {
  describe('export', () => {
    it('should retry UNAVAILABLE until the export succeeds', async () => {
      const inner = new FlakyExporter([14, 14]);
      const result = await exportOnce(createRetryingExporter(inner, fast));
      expect(result.code).toBe(ExportResultCode.SUCCESS);
      expect(inner.attempts).toBe(3);
    });

    it('should not retry a permanent error such as INVALID_ARGUMENT', async () => {
      const inner = new FlakyExporter([3]);
      const result = await exportOnce(createRetryingExporter(inner, fast));
      expect(result.code).toBe(ExportResultCode.FAILED);
      expect(inner.attempts).toBe(1);
    });

    it('should retry what a given isRetryable accepts', async () => {
      const inner = new FlakyExporter([3]);
      const exporter = createRetryingExporter(inner, { ...fast, isRetryable: () => true });
      expect((await exportOnce(exporter)).code).toBe(ExportResultCode.SUCCESS);
      expect(inner.attempts).toBe(2);
    });

    it('should give up after maxRetries', async () => {
      const inner = new FlakyExporter([14, 14, 14, 14]);
      const exporter = createRetryingExporter(inner, { ...fast, maxRetries: 2 });
      const result = await exportOnce(exporter);
      expect(result.code).toBe(ExportResultCode.FAILED);
      expect(inner.attempts).toBe(3);
    });

    it('should give up when the next retry would pass the budget', async () => {
      const inner = new FlakyExporter([14, 14]);
      const exporter = createRetryingExporter(inner, {
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
      const exporter = createRetryingExporter(inner, {
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

  describe('forceFlush', () => {
    it('should flush the inner exporter', async () => {
      const inner = new FlakyExporter([]);
      await createRetryingExporter(inner, fast).forceFlush();
      expect(inner.flushCalls).toBe(1);
    });
  });

  describe('other members', () => {
    it("should keep the wrapped exporter's other methods, bound to it, and its class", () => {
      const inner = new FlakyMetricExporter([]);
      const exporter = createRetryingExporter(inner, fast);
      const { selectAggregationTemporality } = exporter;
      expect(selectAggregationTemporality('COUNTER')).toBe('delta');
      expect(exporter).toBeInstanceOf(FlakyMetricExporter);
      expect(exporter.attempts).toBe(0);
    });
  });
});
