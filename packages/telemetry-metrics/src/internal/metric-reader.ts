import type { PushMetricExporter } from '@opentelemetry/sdk-metrics';
import {
  ConsoleMetricExporter,
  type IMetricReader,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import type { MetricsConfig } from '@proc/telemetry-config';
import { logger } from './diag.js';
import type { ExemplarStore } from './exemplars/exemplar-store.js';
import { createOtlpMetricExporter } from './otlp-exporter.js';
import { createPrometheusReader } from './prometheus-reader.js';
import { temporalitySelector } from './temporality.js';

function periodicReader(
  exporter: PushMetricExporter,
  config: MetricsConfig,
  cardinalityLimit: number,
): PeriodicExportingMetricReader {
  // validateMetricsConfig() has ensured exportTimeoutMillis <= exportIntervalMillis, which the
  // SDK requires.
  return new PeriodicExportingMetricReader({
    exporter,
    exportIntervalMillis: config.exportIntervalMillis,
    exportTimeoutMillis: config.exportTimeoutMillis,
    cardinalityLimits: { default: cardinalityLimit },
  });
}

/**
 * The reader for the configured exporter, or `undefined` for `none` or a disabled section. The
 * OTLP exporter writes the exemplars of `exemplars`, when given; the other exporters have none.
 */
export function createMetricReader(
  config: MetricsConfig,
  cardinalityLimit: number,
  exemplars?: ExemplarStore,
): IMetricReader | undefined {
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
      return createPrometheusReader(config.prometheus, cardinalityLimit);
    case 'console':
      return periodicReader(
        new ConsoleMetricExporter({ temporalitySelector: temporalitySelector(config.temporality) }),
        config,
        cardinalityLimit,
      );
    case 'otlp':
      return periodicReader(
        createOtlpMetricExporter(config.export, config.temporality, exemplars),
        config,
        cardinalityLimit,
      );
  }
}
