import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/** How `TestSpanExporter.export()` answers. */
export type TestExportMode = 'succeed' | 'fail' | 'hold' | 'hang';

/**
 * An exporter under test control: records each batch; `fail` answers FAILED, `hold` keeps
 * callbacks until `release()`, `hang` never answers (a collector that stopped responding).
 */
export class TestSpanExporter implements SpanExporter {
  readonly batches: ReadableSpan[][] = [];
  mode: TestExportMode = 'succeed';
  shutdownCalls = 0;
  private held: Array<() => void> = [];

  get spans(): ReadableSpan[] {
    return this.batches.flat();
  }

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    if (this.mode === 'hang') return;
    if (this.mode === 'fail') {
      done({ code: ExportResultCode.FAILED, error: new Error('collector unavailable') });
      return;
    }
    const accept = () => {
      this.batches.push(spans);
      done({ code: ExportResultCode.SUCCESS });
    };
    if (this.mode === 'hold') this.held.push(accept);
    else accept();
  }

  /** Answers every held export and goes back to `succeed`. */
  release(): void {
    this.mode = 'succeed';
    const held = this.held;
    this.held = [];
    for (const accept of held) accept();
  }

  async shutdown(): Promise<void> {
    this.shutdownCalls++;
  }

  async forceFlush(): Promise<void> {}
}
