import {
  type IExportMetricsServiceResponse,
  type ISerializer,
  JsonMetricsSerializer,
  ProtobufMetricsSerializer,
} from '@opentelemetry/otlp-transformer';
import type { ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { ExemplarStore } from './exemplar-store.js';
import { createJsonMetricsRequest } from './json-metrics-request.js';
import { type ExemplarsByPoint, matchExemplars } from './match-exemplars.js';
import { serializeMetricsExportRequest } from './protobuf-metrics-serializer.js';

/** What the OTLP export delegates take: ResourceMetrics in, the export response out. */
export type MetricsSerializer = ISerializer<ResourceMetrics, IExportMetricsServiceResponse>;

/**
 * Takes the store's exemplars for one export. A collection that is serialized again (a retried
 * export) gets the same exemplars, not an empty set.
 */
function exemplarsFor(
  store: ExemplarStore,
): (resourceMetrics: ResourceMetrics) => ExemplarsByPoint {
  const seen = new WeakMap<ResourceMetrics, ExemplarsByPoint>();
  return (resourceMetrics) => {
    let exemplars = seen.get(resourceMetrics);
    if (exemplars === undefined) {
      exemplars = matchExemplars(resourceMetrics, store.take());
      seen.set(resourceMetrics, exemplars);
    }
    return exemplars;
  };
}

/**
 * otlp-transformer's `ProtobufMetricsSerializer` plus the exemplars taken from `store` at each
 * export (OTLP/gRPC and OTLP/HTTP with protobuf).
 */
export function createProtobufExemplarSerializer(store: ExemplarStore): MetricsSerializer {
  const take = exemplarsFor(store);
  return {
    serializeRequest: (resourceMetrics) =>
      serializeMetricsExportRequest(resourceMetrics, take(resourceMetrics)),
    deserializeResponse: (data) => ProtobufMetricsSerializer.deserializeResponse(data),
  };
}

/** otlp-transformer's `JsonMetricsSerializer` plus the exemplars taken from `store` at each export. */
export function createJsonExemplarSerializer(store: ExemplarStore): MetricsSerializer {
  const take = exemplarsFor(store);
  const encoder = new TextEncoder();
  return {
    serializeRequest: (resourceMetrics) =>
      encoder.encode(
        JSON.stringify(createJsonMetricsRequest(resourceMetrics, take(resourceMetrics))),
      ),
    deserializeResponse: (data) => JsonMetricsSerializer.deserializeResponse(data),
  };
}
