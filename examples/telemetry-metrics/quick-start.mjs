import { loadConfig } from '@proc/telemetry-config';
import {
  createMetricsRecorder,
  initMeterProvider,
  METRIC_ATTRIBUTES,
  METRIC_NAMES,
  shutdownMeterProvider,
} from '@proc/telemetry-metrics';
import { createResource } from '@proc/telemetry-resource';

const config = loadConfig(); // OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_ENDPOINT, ...
const handle = initMeterProvider(
  config.metrics,
  await createResource(config.service, config.resource),
);

const recorder = createMetricsRecorder({
  meter: handle.getMeter('order-enricher'),
  commonAttributes: { 'pipeline.name': 'orders', 'processor.name': 'enricher' },
});
recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED, 1, {
  [METRIC_ATTRIBUTES.EVENT_TYPE]: 'order',
});
recorder.recordHistogram(METRIC_NAMES.PROCESSING_DURATION, 0.012); // seconds

// A script exports on shutdown; a long-running process every metrics.exportIntervalMillis.
await shutdownMeterProvider(handle, { timeoutMillis: 5000 });
console.log('metrics sent');
