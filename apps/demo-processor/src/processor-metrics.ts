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
  return {
    received(type: EventType | 'unknown') {
      recorder.recordCounter(METRIC_NAMES.EVENTS_RECEIVED, 1, typeAttributes(type));
    },
    processed(type: EventType) {
      recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED, 1, typeAttributes(type));
    },
    duplicate(type: EventType) {
      recorder.recordCounter(METRIC_NAMES.DEDUPLICATION_COUNT, 1, typeAttributes(type));
    },
    late(type: EventType) {
      recorder.recordCounter(METRIC_NAMES.EVENTS_LATE, 1, typeAttributes(type));
    },
    dropped(errorType: string, type: EventType | 'unknown') {
      recorder.recordCounter(METRIC_NAMES.EVENTS_DROPPED, 1, {
        [ERROR_TYPE]: errorType,
        [EVENT_TYPE]: type,
      });
    },
    windowOpened() {
      recorder.recordUpDown(METRIC_NAMES.WINDOWS_ACTIVE, 1, { [WINDOW_TYPE_KEY]: WINDOW_TYPE });
    },
    windowFired(result: WindowResult, latencySeconds: number) {
      const attributes = { [WINDOW_TYPE_KEY]: WINDOW_TYPE, [EVENT_TYPE]: result.eventType };
      recorder.recordUpDown(METRIC_NAMES.WINDOWS_ACTIVE, -1, { [WINDOW_TYPE_KEY]: WINDOW_TYPE });
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

/** The recorder calls of one processor. */
export type ProcessorMetrics = ReturnType<typeof createProcessorMetrics>;
