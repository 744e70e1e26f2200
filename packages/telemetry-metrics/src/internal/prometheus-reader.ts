import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import type { InstrumentType } from '@opentelemetry/sdk-metrics';
import type { PrometheusConfig } from '@proc/telemetry-config';

/**
 * The Prometheus pull exporter with a cardinality limit: the exporter takes no
 * `cardinalitySelector` option (0.223), so the reader method is overridden instead.
 */
class LimitedPrometheusExporter extends PrometheusExporter {
  private readonly cardinalityLimit: number;

  constructor(config: PrometheusConfig, cardinalityLimit: number) {
    // Host and port are always passed, so the exporter's own OTEL_EXPORTER_PROMETHEUS_* reads
    // never apply. A failed listen (port in use) is reported by the exporter through diag.
    super({ host: config.host, port: config.port });
    this.cardinalityLimit = cardinalityLimit;
  }

  override selectCardinalityLimit(_instrumentType: InstrumentType): number {
    return this.cardinalityLimit;
  }
}

/** A Prometheus reader serving `http://<host>:<port>/metrics`, started immediately. */
export function createPrometheusReader(
  config: PrometheusConfig,
  cardinalityLimit: number,
): PrometheusExporter {
  return new LimitedPrometheusExporter(config, cardinalityLimit);
}
