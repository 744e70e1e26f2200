import {
  AggregationTemporality,
  InMemoryMetricExporter,
  type MetricData,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';

/** An in-memory reader whose `collect()` exports now and returns the metrics of that export. */
export interface TestMetricCollector {
  readonly reader: PeriodicExportingMetricReader;
  readonly exporter: InMemoryMetricExporter;
  collect(): Promise<MetricData[]>;
}

export function createTestMetricCollector(
  temporality: AggregationTemporality = AggregationTemporality.CUMULATIVE,
): TestMetricCollector {
  const exporter = new InMemoryMetricExporter(temporality);
  // A long interval: exports happen only when collect() forces them.
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
  return {
    reader,
    exporter,
    async collect() {
      await reader.forceFlush();
      const exported = exporter.getMetrics();
      exporter.reset();
      return exported.flatMap((resourceMetrics) =>
        resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics),
      );
    },
  };
}

/** The metric named `name`; fails the test when it is missing. */
export function findMetric(metrics: MetricData[], name: string): MetricData {
  const found = metrics.find((metric) => metric.descriptor.name === name);
  if (found === undefined) {
    throw new Error(
      `metric ${name} not collected; got ${metrics.map((m) => m.descriptor.name).join(', ')}`,
    );
  }
  return found;
}
