import {
  type IExportMetricsServiceResponse,
  type ISerializer,
  JsonMetricsSerializer,
  ProtobufMetricsSerializer,
} from '@opentelemetry/otlp-transformer';
import type { ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { logger } from '../diag.js';
import { addJsonExemplars } from './add-json-exemplars.js';
import { addProtobufExemplars } from './add-protobuf-exemplars.js';
import type { ExemplarStore } from './exemplar-store.js';
import { type ExemplarsByPoint, exemplarsByPoint } from './point-exemplars.js';

/** What the OTLP exporter encodes each collection with. */
export type MetricsSerializer = ISerializer<ResourceMetrics, IExportMetricsServiceResponse>;

/** Adds exemplars to the bytes a serializer wrote for a collection; throws when it cannot. */
export type AddExemplars = (
  request: Uint8Array,
  resourceMetrics: ResourceMetrics,
  exemplars: ExemplarsByPoint,
) => Uint8Array;

/**
 * `serializer` (one of otlp-transformer's public serializers) with the exemplars taken from
 * `store` added to the bytes it wrote. With no exemplars the bytes are the serializer's, as they
 * are: the upgrade gate of the tests. Should a new serializer lay the request out in a way
 * `add` does not recognise, its bytes are sent without exemplars, with one diag warning.
 */
export function withExemplars(
  serializer: MetricsSerializer,
  add: AddExemplars,
  store: ExemplarStore,
): MetricsSerializer {
  // A collection serialized again (an export retried by a reader) gets the same exemplars.
  const taken = new WeakMap<ResourceMetrics, ExemplarsByPoint>();
  let warned = false;
  return {
    serializeRequest(resourceMetrics) {
      const request = serializer.serializeRequest(resourceMetrics);
      let exemplars = taken.get(resourceMetrics);
      if (exemplars === undefined) {
        exemplars = exemplarsByPoint(resourceMetrics, store.take());
        taken.set(resourceMetrics, exemplars);
      }
      if (request === undefined || exemplars.size === 0) return request;
      try {
        return add(request, resourceMetrics, exemplars);
      } catch (error) {
        if (!warned) {
          warned = true;
          logger.warn(
            'OTLP export: exemplars left out, the serializer output is not as expected',
            error,
          );
        }
        return request;
      }
    },
    deserializeResponse: (data) => serializer.deserializeResponse(data),
  };
}

/** otlp-transformer's `ProtobufMetricsSerializer` plus the store's exemplars (gRPC, http/protobuf). */
export function createProtobufExemplarSerializer(store: ExemplarStore): MetricsSerializer {
  return withExemplars(ProtobufMetricsSerializer, addProtobufExemplars, store);
}

/** otlp-transformer's `JsonMetricsSerializer` plus the store's exemplars (http/json). */
export function createJsonExemplarSerializer(store: ExemplarStore): MetricsSerializer {
  return withExemplars(JsonMetricsSerializer, addJsonExemplars, store);
}
