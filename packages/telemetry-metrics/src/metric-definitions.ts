import { METRIC_NAMES } from './metric-names.js';
import type { MetricDefinition } from './types.js';

/**
 * Explicit bucket boundaries, in seconds, for latency histograms: 0.5 ms to 10 s. The SDK's
 * default boundaries (0 to 10000) suit milliseconds and would put every duration in seconds
 * into the first buckets.
 */
export const DURATION_BUCKET_BOUNDARIES_SECONDS: readonly number[] = Object.freeze([
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
]);

/** Explicit bucket boundaries, in events, for batch sizes. */
export const BATCH_SIZE_BUCKET_BOUNDARIES: readonly number[] = Object.freeze([
  1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000,
]);

function define(definition: MetricDefinition): MetricDefinition {
  return Object.freeze(definition);
}

function duration(name: string, description: string): MetricDefinition {
  return define({
    name,
    kind: 'histogram',
    unit: 's',
    description,
    bucketBoundaries: DURATION_BUCKET_BOUNDARIES_SECONDS,
  });
}

/**
 * Kind, UCUM unit, description and (for histograms) bucket boundaries of every name in
 * `METRIC_NAMES`, keyed by instrument name. A `MetricsRecorder` applies them when it creates
 * the instrument.
 */
export const METRIC_DEFINITIONS: Readonly<Record<string, MetricDefinition>> = Object.freeze(
  Object.fromEntries(
    [
      define({
        name: METRIC_NAMES.EVENTS_RECEIVED,
        kind: 'counter',
        unit: '{event}',
        description: 'Number of events received from the source.',
      }),
      define({
        name: METRIC_NAMES.EVENTS_PROCESSED,
        kind: 'counter',
        unit: '{event}',
        description: 'Number of events processed successfully.',
      }),
      define({
        name: METRIC_NAMES.EVENTS_DROPPED,
        kind: 'counter',
        unit: '{event}',
        description: 'Number of events dropped without being processed.',
      }),
      define({
        name: METRIC_NAMES.EVENTS_LATE,
        kind: 'counter',
        unit: '{event}',
        description: 'Number of events that arrived after the watermark passed their window.',
      }),
      duration(METRIC_NAMES.PROCESSING_DURATION, 'Time taken to process one event.'),
      define({
        name: METRIC_NAMES.WINDOW_TRIGGERS,
        kind: 'counter',
        unit: '{trigger}',
        description: 'Number of window triggers fired.',
      }),
      define({
        name: METRIC_NAMES.WINDOWS_ACTIVE,
        kind: 'upDownCounter',
        unit: '{window}',
        description: 'Number of windows currently open.',
      }),
      duration(METRIC_NAMES.AGGREGATION_DURATION, 'Time taken to compute one aggregation.'),
      duration(METRIC_NAMES.STATE_OPERATION_DURATION, 'Time taken by one state-store operation.'),
      define({
        name: METRIC_NAMES.DEDUPLICATION_COUNT,
        kind: 'counter',
        unit: '{event}',
        description: 'Number of duplicate events discarded.',
      }),
      define({
        name: METRIC_NAMES.WATERMARK_LAG,
        kind: 'gauge',
        unit: 's',
        description: 'How far the watermark trails the current time.',
      }),
      define({
        name: METRIC_NAMES.BATCH_SIZE,
        kind: 'histogram',
        unit: '{event}',
        description: 'Number of events in one processed batch.',
        bucketBoundaries: BATCH_SIZE_BUCKET_BOUNDARIES,
      }),
      duration(
        METRIC_NAMES.END_TO_END_LATENCY,
        'Time from the timestamp of an event to the end of its processing.',
      ),
      duration(METRIC_NAMES.MESSAGING_PROCESS_DURATION, 'Duration of processing operation.'),
      define({
        name: METRIC_NAMES.MESSAGING_CLIENT_CONSUMED_MESSAGES,
        kind: 'counter',
        unit: '{message}',
        description: 'Number of messages that were delivered to the application.',
      }),
    ].map((definition) => [definition.name, definition]),
  ),
);
