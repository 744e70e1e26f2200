// Component types of the OpenTelemetry Collector Contrib distribution that the local stack may
// use, all present in otelcol-contrib 0.135.0 (opentelemetry-collector-releases,
// distributions/otelcol-contrib/manifest.yaml). A subset: add a type here only after checking
// that manifest for the image tag pinned in infra/docker-compose.yaml.
export const CONTRIB_IMAGE = 'otel/opentelemetry-collector-contrib:0.135.0';

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
