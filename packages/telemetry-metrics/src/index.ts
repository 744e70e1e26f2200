export type { TimeoutOptions } from '@proc/telemetry-lifecycle';
export { createExemplarSpanProcessor } from './exemplar-span-processor.js';
export { initMeterProvider, shutdownMeterProvider } from './meter-provider.js';
export { METRIC_ATTRIBUTES } from './metric-attributes.js';
export {
  BATCH_SIZE_BUCKET_BOUNDARIES,
  DURATION_BUCKET_BOUNDARIES_SECONDS,
  METRIC_DEFINITIONS,
} from './metric-definitions.js';
export { METRIC_NAMES } from './metric-names.js';
export { createMetricsRecorder } from './metrics-recorder.js';
export type {
  ExemplarSpanProcessor,
  InitMeterProviderOptions,
  InstrumentKind,
  MetricDefinition,
  MetricExportCounts,
  MetricsHandle,
  MetricsMeterProvider,
  MetricsRecorder,
  MetricsRecorderOptions,
  MetricViewOptions,
  ObserveFunction,
  ObserveGaugeCallback,
  RecorderInstrumentKind,
} from './types.js';
