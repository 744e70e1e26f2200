// Component types of the OpenTelemetry Collector Contrib distribution that the local stack may
// use (opentelemetry-collector-releases, distributions/otelcol-contrib/manifest.yaml). A subset:
// add a type here only after checking that manifest for the image tag pinned in
// infra/docker-compose.yaml. Since 0.14x the otlp exporter's type is `otlp_grpc` (`otlp` is its
// deprecated alias): go.opentelemetry.io/collector/exporter/otlpexporter v0.165.0, metadata.
export const CONTRIB_IMAGE = 'otel/opentelemetry-collector-contrib:0.165.0';

export const CONTRIB_COMPONENTS = {
  receivers: ['otlp', 'prometheus', 'hostmetrics', 'jaeger', 'zipkin', 'kafka', 'filelog', 'nop'],
  processors: [
    'batch',
    'memory_limiter',
    'resourcedetection',
    'resource',
    'attributes',
    'filter',
    'transform',
    'tail_sampling',
    'probabilistic_sampler',
    'k8sattributes',
  ],
  exporters: [
    'otlp_grpc',
    'otlp',
    'otlphttp',
    'debug',
    'prometheus',
    'prometheusremotewrite',
    'file',
    'kafka',
    'zipkin',
    'nop',
  ],
  extensions: ['health_check', 'pprof', 'zpages'],
} as const;
