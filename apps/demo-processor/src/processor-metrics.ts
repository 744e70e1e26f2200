import type { MetricsRecorder } from '@proc/telemetry';
import { METRIC_ATTRIBUTES, METRIC_NAMES } from '@proc/telemetry/semconv';
import { WINDOW_TYPE } from './conventions.js';
import type { EventType, WindowResult } from './types.js';

const { EVENT_TYPE, ERROR_TYPE, WINDOW_TYPE: WINDOW_TYPE_KEY } = METRIC_ATTRIBUTES;

/** The processor's `processor.*` recordings, in one place so the names and attributes agree. */
export function createProcessorMetrics(recorder: MetricsRecorder) {
  // Per event type, one frozen attributes object made once: the per-event calls then allocate
  // nothing, and the exemplar reservoir keys a frozen object only once.
  const byType = new Map<string, Readonly<Record<string, string>>>();
  const typeAttributes = (type: string) => {
    let attributes = byType.get(type);
    if (attributes === undefined) {
      attributes = Object.freeze({ [EVENT_TYPE]: type });
      byType.set(type, attributes);
    }
    return attributes;
  };
  // One attributes object per (error type, event type) pair, for the same reason.
  const byErrorAndType = new Map<string, Readonly<Record<string, string>>>();
  const droppedAttributes = (errorType: string, type: string) => {
    const key = `${errorType}\u0000${type}`;
    let attributes = byErrorAndType.get(key);
    if (attributes === undefined) {
      attributes = Object.freeze({ [ERROR_TYPE]: errorType, [EVENT_TYPE]: type });
      byErrorAndType.set(key, attributes);
    }
    return attributes;
  };
  const activeAttributes = Object.freeze({ [WINDOW_TYPE_KEY]: WINDOW_TYPE });
  return {
    /**
     * Per-event counts of one batch, recorded as one add of n per metric and attribute set when
     * the batch ends (`record()`), as a stream processor at rate would: the totals are the same
     * as one add per event, at a fraction of the calls. Recorded in the batch's context, so their
     * exemplars link to the batch trace.
     */
    batchTally(): ProcessorBatchTally {
      // Insertion-ordered: a type's counts, [received, processed, duplicates, late].
      const counts = new Map<string, [number, number, number, number]>();
      const dropped = new Map<Readonly<Record<string, string>>, number>();
      const of = (type: string) => {
        let entry = counts.get(type);
        if (entry === undefined) {
          entry = [0, 0, 0, 0];
          counts.set(type, entry);
        }
        return entry;
      };
      return {
        received(type) {
          of(type)[0]++;
        },
        processed(type) {
          of(type)[1]++;
        },
        duplicate(type) {
          of(type)[2]++;
        },
        late(type) {
          of(type)[3]++;
        },
        dropped(errorType, type) {
          const attributes = droppedAttributes(errorType, type);
          dropped.set(attributes, (dropped.get(attributes) ?? 0) + 1);
        },
        record() {
          for (const [type, [received, processed, duplicates, late]] of counts) {
            const attributes = typeAttributes(type);
            if (received > 0) {
              recorder.recordCounter(METRIC_NAMES.EVENTS_RECEIVED, received, attributes);
            }
            if (processed > 0) {
              recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED, processed, attributes);
            }
            if (duplicates > 0) {
              recorder.recordCounter(METRIC_NAMES.DEDUPLICATION_COUNT, duplicates, attributes);
            }
            if (late > 0) recorder.recordCounter(METRIC_NAMES.EVENTS_LATE, late, attributes);
          }
          for (const [attributes, n] of dropped) {
            recorder.recordCounter(METRIC_NAMES.EVENTS_DROPPED, n, attributes);
          }
          counts.clear();
          dropped.clear();
        },
      };
    },
    windowOpened() {
      recorder.recordUpDown(METRIC_NAMES.WINDOWS_ACTIVE, 1, activeAttributes);
    },
    windowFired(result: WindowResult, latencySeconds: number) {
      const attributes = { [WINDOW_TYPE_KEY]: WINDOW_TYPE, [EVENT_TYPE]: result.eventType };
      recorder.recordUpDown(METRIC_NAMES.WINDOWS_ACTIVE, -1, activeAttributes);
      recorder.recordCounter(METRIC_NAMES.WINDOW_TRIGGERS, 1, attributes);
      recorder.recordHistogram(METRIC_NAMES.END_TO_END_LATENCY, latencySeconds, attributes);
    },
    batch(size: number, durationSeconds: number) {
      recorder.recordHistogram(METRIC_NAMES.BATCH_SIZE, size);
      recorder.recordHistogram(METRIC_NAMES.PROCESSING_DURATION, durationSeconds);
    },
    watermarkLag(seconds: number) {
      recorder.recordGauge(METRIC_NAMES.WATERMARK_LAG, seconds);
    },
  };
}

/** A batch's per-event counts, recorded together by `record()`. */
export interface ProcessorBatchTally {
  received(type: EventType | 'unknown'): void;
  processed(type: EventType): void;
  duplicate(type: EventType): void;
  late(type: EventType): void;
  dropped(errorType: string, type: EventType | 'unknown'): void;
  /** Records the counts so far (one add per metric and attribute set) and starts over. */
  record(): void;
}

/** The recorder calls of one processor. */
export type ProcessorMetrics = ReturnType<typeof createProcessorMetrics>;
