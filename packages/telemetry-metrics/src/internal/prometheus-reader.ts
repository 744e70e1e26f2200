import { createRequire } from 'node:module';
import type { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import type { InstrumentType } from '@opentelemetry/sdk-metrics';
import {
  missingPeerMessage,
  type OptionalPeer,
  type PrometheusConfig,
  requireOptionalPeer,
} from '@proc/telemetry-config';
import { logger } from './diag.js';
import type { ExemplarStore } from './exemplars/exemplar-store.js';
import { exemplarsByPoint } from './exemplars/point-exemplars.js';
import {
  type OpenMetricsEndpoint,
  startOpenMetricsEndpoint,
} from './openmetrics/openmetrics-endpoint.js';
import { serializeOpenMetrics } from './openmetrics/openmetrics-serializer.js';

// The exporter is an optional peer, required when a configuration lists `prometheus`: it pins
// core/resources/sdk-metrics exactly, so as a dependency it would duplicate a user's newer SDK
// even unused. The ESM build gets `createRequire(import.meta.url)` here
// (tooling/typescript/mark-dist.cjs).
const requireFromHere = createRequire(__filename);

type PrometheusModule = typeof import('@opentelemetry/exporter-prometheus');
type LimitedExporterClass = new (
  config: PrometheusConfig,
  cardinalityLimit: number,
  exemplars?: ExemplarStore,
) => PrometheusExporter;

let limitedExporter: LimitedExporterClass | undefined;

const PROMETHEUS_PEER: OptionalPeer = {
  name: '@opentelemetry/exporter-prometheus',
  range: '^0.223.0',
  neededFor: 'metrics.exporter includes "prometheus"',
};

function loadPrometheus(): PrometheusModule {
  const loaded = requireOptionalPeer<PrometheusModule>(requireFromHere, PROMETHEUS_PEER.name);
  if (loaded === undefined) {
    throw new Error(`@proc/telemetry-metrics: ${missingPeerMessage(PROMETHEUS_PEER)}`);
  }
  return loaded;
}

/**
 * The Prometheus pull exporter with a cardinality limit: the exporter takes no
 * `cardinalitySelector` option (0.223), so the reader method is overridden instead. With
 * `exemplars`, the exporter's own server stays off and an endpoint of ours answers instead: the
 * exporter's text handler for a scraper asking for the text format, our OpenMetrics rendering of
 * the exporter's own collection, with exemplars, for one asking for OpenMetrics.
 */
function defineLimitedExporter({ PrometheusExporter }: PrometheusModule): LimitedExporterClass {
  return class LimitedPrometheusExporter extends PrometheusExporter {
    private readonly cardinalityLimit: number;
    private readonly endpoint: OpenMetricsEndpoint | undefined;

    constructor(config: PrometheusConfig, cardinalityLimit: number, exemplars?: ExemplarStore) {
      // Host and port are always passed, so the exporter's own OTEL_EXPORTER_PROMETHEUS_* reads
      // never apply. A failed listen (port in use) is reported through diag.
      super({ host: config.host, port: config.port, preventServerStart: exemplars !== undefined });
      this.cardinalityLimit = cardinalityLimit;
      this.endpoint =
        exemplars === undefined
          ? undefined
          : startOpenMetricsEndpoint({
              host: config.host,
              port: config.port,
              text: (request, response) => this.getMetricsRequestHandler(request, response),
              openMetrics: async () => {
                const { resourceMetrics, errors } = await this.collect();
                if (errors.length > 0)
                  logger.error('Prometheus: metrics collection errors', ...errors);
                return serializeOpenMetrics(
                  resourceMetrics,
                  exemplarsByPoint(resourceMetrics, exemplars.take()),
                );
              },
            });
    }

    override selectCardinalityLimit(_instrumentType: InstrumentType): number {
      return this.cardinalityLimit;
    }

    override async onShutdown(): Promise<void> {
      await this.endpoint?.close();
      await super.onShutdown();
    }
  };
}

/**
 * A Prometheus reader serving `http://<host>:<port>/metrics`, started immediately; with
 * `exemplars`, OpenMetrics with exemplars to a scraper that asks for it.
 * @throws Error naming `@opentelemetry/exporter-prometheus` when it is not installed.
 */
export function createPrometheusReader(
  config: PrometheusConfig,
  cardinalityLimit: number,
  exemplars?: ExemplarStore,
): PrometheusExporter {
  limitedExporter ??= defineLimitedExporter(loadPrometheus());
  return new limitedExporter(config, cardinalityLimit, exemplars);
}
