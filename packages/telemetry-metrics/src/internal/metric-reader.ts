import type { MeterProvider } from '@opentelemetry/api';
import type { PushMetricExporter } from '@opentelemetry/sdk-metrics';
import {
  ConsoleMetricExporter,
  type IMetricReader,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import type { MetricsConfig } from '@proc/telemetry-config';
import type { MetricExportCounts } from '../types.js';
import { logger } from './diag.js';
import type { ExemplarStore } from './exemplars/exemplar-store.js';
import { createOtlpMetricExporter } from './otlp-exporter.js';
import { createPrometheusReader } from './prometheus-reader.js';
import { temporalitySelector } from './temporality.js';

/** The reader built from the configuration and, for a push reader, its exporter. */
export interface ConfiguredReader {
  reader: IMetricReader;
  /** The exporter a periodic reader pushes to; absent for Prometheus. */
  exporter?: PushMetricExporter;
  /** What the OTLP exporter delivered; absent for the other exporters. */
  exportCounts?: () => MetricExportCounts;
  /** Records the OTLP exporter's health metrics on the provider; absent for the others. */
  recordSelfMetrics?: (meterProvider: MeterProvider) => void;
}

/** A periodic reader pushing to `exporter`, with the configured interval and timeout. */
function periodicReader(
  exporter: PushMetricExporter,
  config: MetricsConfig,
  cardinalityLimit: number,
): ConfiguredReader {
  // validateMetricsConfig() has ensured exportTimeoutMillis <= exportIntervalMillis, which the
  // SDK requires.
  const reader = new PeriodicExportingMetricReader({
    exporter,
    exportIntervalMillis: config.exportIntervalMillis,
    exportTimeoutMillis: config.exportTimeoutMillis,
    cardinalityLimits: { default: cardinalityLimit },
  });
  return { reader, exporter };
}

/** The reader of one exporter. */
function readerFor(
  name: 'otlp' | 'prometheus' | 'console',
  config: MetricsConfig,
  cardinalityLimit: number,
  exemplars?: ExemplarStore,
): ConfiguredReader {
  switch (name) {
    case 'prometheus':
      if (config.temporality !== 'cumulative') {
        logger.warn(
          `Prometheus is always cumulative; temporality '${config.temporality}' does not apply to it`,
        );
      }
      return { reader: createPrometheusReader(config.prometheus, cardinalityLimit, exemplars) };
    case 'console':
      return periodicReader(
        new ConsoleMetricExporter({ temporalitySelector: temporalitySelector(config.temporality) }),
        config,
        cardinalityLimit,
      );
    case 'otlp': {
      const exporter = createOtlpMetricExporter(config.export, config.temporality, exemplars);
      return {
        ...periodicReader(exporter, config, cardinalityLimit),
        exportCounts: () => exporter.exportCounts(),
        recordSelfMetrics: (meterProvider) => exporter.recordSelfMetrics(meterProvider),
      };
    }
  }
}

/**
 * One reader per configured exporter, in the order listed (`['otlp', 'prometheus']` pushes and
 * serves at once), or none for `none`, an empty list or a disabled section. The OTLP exporter
 * and the Prometheus endpoint (to a scraper asking for OpenMetrics) write the exemplars of
 * `exemplars`, when given; the console exporter has none.
 */
export function createMetricReaders(
  config: MetricsConfig,
  cardinalityLimit: number,
  exemplars?: ExemplarStore,
): ConfiguredReader[] {
  // `none` wins over anything beside it, as loadConfig() reads it.
  if (!config.enabled || config.exporter.includes('none')) return [];
  const names = [...new Set(config.exporter)].filter((name) => name !== 'none');
  return names.map((name) => readerFor(name, config, cardinalityLimit, exemplars));
}
