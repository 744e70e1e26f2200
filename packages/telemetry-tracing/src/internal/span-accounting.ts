import type { Context } from '@opentelemetry/api';
import { TraceFlags } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import type {
  ReadableSpan,
  Span,
  SpanExporter,
  SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** Counts of sampled spans, for the shutdown report. */
export interface SpanCounts {
  /** Started but not ended when counting stopped. */
  open: number;
  /** Ended while counting. */
  ended: number;
  /** Handed to the exporter. */
  exported: number;
  /** Handed to the exporter in an export that failed. */
  failed: number;
}

/**
 * Counts sampled spans as they start, end and reach the exporter, so shutdown can say how many
 * were still open or were dropped from a full queue: the SDK itself reports queue drops only
 * when a later span is accepted, so drops just before shutdown would go unreported.
 * Counters only: no span is retained.
 */
export interface SpanAccounting {
  /** Put first in the provider's processors. */
  processor: SpanProcessor;
  /** Wraps the exporter the batch processor feeds. */
  wrap(exporter: SpanExporter): SpanExporter;
  /** Stops counting starts and ends (call when shutdown begins). */
  stop(): void;
  counts(): SpanCounts;
}

const sampled = (span: ReadableSpan | Span) =>
  (span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0;

export function createSpanAccounting(): SpanAccounting {
  const counts: SpanCounts = { open: 0, ended: 0, exported: 0, failed: 0 };
  let counting = true;
  return {
    processor: {
      onStart(span: Span, _parentContext: Context) {
        if (counting && sampled(span)) counts.open++;
      },
      onEnd(span: ReadableSpan) {
        if (counting && sampled(span)) {
          counts.open--;
          counts.ended++;
        }
      },
      forceFlush: () => Promise.resolve(),
      shutdown: () => Promise.resolve(),
    },
    wrap(exporter: SpanExporter): SpanExporter {
      return {
        export(spans, done) {
          counts.exported += spans.length;
          exporter.export(spans, (result) => {
            if (result.code !== ExportResultCode.SUCCESS) counts.failed += spans.length;
            done(result);
          });
        },
        shutdown: () => exporter.shutdown(),
        forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
      };
    },
    stop() {
      counting = false;
    },
    counts: () => ({ ...counts }),
  };
}
