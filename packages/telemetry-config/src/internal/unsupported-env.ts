/**
 * `OTEL_*` variables and values the OpenTelemetry specification or NodeSDK define and this
 * toolkit does not do, each with why and what to do instead. They are warned about once per
 * load instead of being silently ignored. Rendered in docs/configuration.md.
 */

/** A whole variable that is not read. */
export interface UnsupportedVariable {
  /** The variable, or a prefix ending in `_` that covers a family (`OTEL_EXPORTER_ZIPKIN_`). */
  name: string;
  /** Why it is not read and what to use instead. */
  reason: string;
}

/** A value of a variable that is read, which this toolkit cannot do. */
export interface UnsupportedValue {
  variable: string;
  value: string;
  reason: string;
}

const OTLP_VIA_COLLECTOR = 'export OTLP and let an OpenTelemetry Collector convert it';

export const UNSUPPORTED_VARIABLES: readonly UnsupportedVariable[] = [
  {
    name: 'OTEL_EXPORTER_ZIPKIN_',
    reason: `no Zipkin exporter is included; ${OTLP_VIA_COLLECTOR}`,
  },
  {
    name: 'OTEL_EXPORTER_JAEGER_',
    reason: `the Jaeger exporter was removed from the specification; Jaeger takes OTLP`,
  },
  {
    name: 'OTEL_EXPORTER_OTLP_METRICS_DEFAULT_HISTOGRAM_AGGREGATION',
    reason: 'histograms are explicit-bucket; set buckets with views in initMeterProvider()',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_SPAN_INSECURE',
    reason: 'an old NodeSDK name; use OTEL_EXPORTER_OTLP_TRACES_INSECURE',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_METRIC_INSECURE',
    reason: 'an old NodeSDK name; use OTEL_EXPORTER_OTLP_METRICS_INSECURE',
  },
  {
    name: 'OTEL_CONFIG_FILE',
    reason: 'declarative configuration files are not read; use PROC_TELEMETRY_CONFIG_FILE',
  },
  {
    name: 'OTEL_EXPERIMENTAL_CONFIG_FILE',
    reason: 'declarative configuration files are not read; use PROC_TELEMETRY_CONFIG_FILE',
  },
];

export const UNSUPPORTED_VALUES: readonly UnsupportedValue[] = [
  {
    variable: 'OTEL_TRACES_EXPORTER',
    value: 'zipkin',
    reason: `no Zipkin exporter is included; ${OTLP_VIA_COLLECTOR}`,
  },
  {
    variable: 'OTEL_TRACES_EXPORTER',
    value: 'jaeger',
    reason: 'the Jaeger exporter was removed from the specification; Jaeger takes OTLP',
  },
  {
    variable: 'OTEL_METRICS_EXPORTER',
    value: 'zipkin',
    reason: 'Zipkin has no metrics',
  },
  {
    variable: 'OTEL_TRACES_SAMPLER',
    value: 'jaeger_remote',
    reason: 'remote sampling is not included; use a ratio sampler or sample in a Collector',
  },
  {
    variable: 'OTEL_TRACES_SAMPLER',
    value: 'parentbased_jaeger_remote',
    reason: 'remote sampling is not included; use a ratio sampler or sample in a Collector',
  },
  {
    variable: 'OTEL_TRACES_SAMPLER',
    value: 'xray',
    reason: 'the X-Ray sampler is not included',
  },
  {
    variable: 'OTEL_PROPAGATORS',
    value: 'xray',
    reason: 'the AWS X-Ray propagator is not included',
  },
  {
    variable: 'OTEL_PROPAGATORS',
    value: 'ottrace',
    reason: 'the OpenTracing propagator is not included',
  },
  ...['alibaba', 'aws', 'azure', 'gcp'].map((value) => ({
    variable: 'OTEL_NODE_RESOURCE_DETECTORS',
    value,
    reason: 'cloud detectors are not included; set the attributes in OTEL_RESOURCE_ATTRIBUTES',
  })),
];

/** Why `value` of `variable` is not supported, when the table knows it. */
export function unsupportedValueReason(variable: string, value: string): string | undefined {
  const lower = value.toLowerCase();
  return UNSUPPORTED_VALUES.find((entry) => entry.variable === variable && entry.value === lower)
    ?.reason;
}

/** The table entry that covers `variable`, if any. */
export function unsupportedVariable(variable: string): UnsupportedVariable | undefined {
  return UNSUPPORTED_VARIABLES.find((entry) =>
    entry.name.endsWith('_') ? variable.startsWith(entry.name) : variable === entry.name,
  );
}
