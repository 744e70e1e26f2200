import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { LogRecordExporter, ReadableLogRecord } from '@opentelemetry/sdk-logs';

/**
 * Keeps every exported record, also after shutdown (the SDK's InMemoryLogRecordExporter forgets
 * them when it is shut down, before a test can look).
 */
export class TestLogRecordExporter implements LogRecordExporter {
  readonly records: ReadableLogRecord[] = [];
  shutdownCalls = 0;

  export(records: ReadableLogRecord[], done: (result: ExportResult) => void): void {
    this.records.push(...records);
    done({ code: ExportResultCode.SUCCESS });
  }

  async shutdown(): Promise<void> {
    this.shutdownCalls++;
  }

  async forceFlush(): Promise<void> {}
}
