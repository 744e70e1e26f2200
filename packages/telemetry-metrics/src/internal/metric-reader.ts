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

/**
 * The reader for the configured exporter, or `undefined` for `none` or a disabled section. The
 * OTLP exporter and the Prometheus endpoint (to a scraper asking for OpenMetrics) write the
 * exemplars of `exemplars`, when given; the console exporter has none.
 */
export function createMetricReader(
  config: MetricsConfig,
  cardinalityLimit: number,
  exemplars?: ExemplarStore,
): ConfiguredReader | undefined {
  if (!config.enabled) {
    return undefined;
  }
  switch (config.exporter) {
    case 'none':
      return undefined;
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
      };
    }
  }
}
