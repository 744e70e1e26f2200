import type { Meter } from '@opentelemetry/api';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  PeriodicExportingMetricReader,
  type ResourceMetrics,
  type ViewOptions,
} from '@opentelemetry/sdk-metrics';
import { createExemplarMeterProvider } from '../../src/internal/exemplars/exemplar-meter-provider.js';
import {
  createExemplarStore,
  type ExemplarStore,
} from '../../src/internal/exemplars/exemplar-store.js';
import type { ActiveExemplarFilter } from '../../src/internal/exemplars/types.js';
import type { MetricsMeterProvider } from '../../src/types.js';

/** An exemplar-keeping provider with an in-memory reader that collects on demand. */
export interface TestExemplarProvider {
  readonly provider: MetricsMeterProvider;
  readonly store: ExemplarStore;
  readonly meter: Meter;
  /** One collection, as the OTLP exporter would receive it. */
  collect(): Promise<ResourceMetrics>;
}

export function createTestExemplarProvider(
  options: {
    filter?: ActiveExemplarFilter;
    views?: ViewOptions[];
    temporality?: AggregationTemporality;
  } = {},
): TestExemplarProvider {
  const store = createExemplarStore();
  const reader = new PeriodicExportingMetricReader({
    exporter: new InMemoryMetricExporter(options.temporality ?? AggregationTemporality.CUMULATIVE),
    exportIntervalMillis: 3_600_000,
  });
  const provider = createExemplarMeterProvider(
    { readers: [reader], views: options.views ?? [] },
    options.filter ?? 'trace_based',
    store,
  );
  return {
    provider,
    store,
    meter: provider.getMeter('exemplar-test', '1.0.0'),
    async collect() {
      const { resourceMetrics, errors } = await reader.collect();
      if (errors.length > 0) throw errors[0];
      return resourceMetrics;
    },
  };
}
