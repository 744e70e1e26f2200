import type { TelemetryConfigOptions } from '../types.js';
import { exportVariable, setPerSignal, TLS_SUFFIX } from './env-names.js';
import type { Env } from './env-reader.js';
import type { Signal } from './merge-layers.js';
import { CONFIG_FILE_ENV } from './read-config-file.js';

/**
 * The variables that may set each value outside the export sections, in the order the
 * environment layer reads them (the first is preferred: `OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT`
 * before its `OTEL_ATTRIBUTE_COUNT_LIMIT` fallback). A path ending in `.*` covers every key
 * below it. Kept next to `read-env.ts`: a variable read there is named here.
 */
export const VARIABLES: Record<string, readonly string[]> = {
  disabled: ['OTEL_SDK_DISABLED'],
  'service.name': ['OTEL_SERVICE_NAME', 'OTEL_RESOURCE_ATTRIBUTES'],
  'service.*': ['OTEL_RESOURCE_ATTRIBUTES'],
  'resource.attributes.*': ['OTEL_RESOURCE_ATTRIBUTES'],
  'resource.detectors': ['OTEL_NODE_RESOURCE_DETECTORS'],
  'traces.exporter': ['OTEL_TRACES_EXPORTER'],
  'traces.sampler.type': ['OTEL_TRACES_SAMPLER'],
  'traces.sampler.ratio': ['OTEL_TRACES_SAMPLER_ARG'],
  'traces.batch.maxQueueSize': ['OTEL_BSP_MAX_QUEUE_SIZE'],
  'traces.batch.maxExportBatchSize': ['OTEL_BSP_MAX_EXPORT_BATCH_SIZE'],
  'traces.batch.scheduledDelayMillis': ['OTEL_BSP_SCHEDULE_DELAY'],
  'traces.batch.exportTimeoutMillis': ['OTEL_BSP_EXPORT_TIMEOUT'],
  'traces.limits.attributeCountLimit': [
    'OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT',
    'OTEL_ATTRIBUTE_COUNT_LIMIT',
  ],
  'traces.limits.attributeValueLengthLimit': [
    'OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT',
    'OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT',
  ],
  'traces.limits.eventCountLimit': ['OTEL_SPAN_EVENT_COUNT_LIMIT'],
  'traces.limits.linkCountLimit': ['OTEL_SPAN_LINK_COUNT_LIMIT'],
  'traces.limits.attributePerEventCountLimit': [
    'OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT',
    'OTEL_SPAN_ATTRIBUTE_PER_EVENT_COUNT_LIMIT',
  ],
  'traces.limits.attributePerLinkCountLimit': [
    'OTEL_LINK_ATTRIBUTE_COUNT_LIMIT',
    'OTEL_SPAN_ATTRIBUTE_PER_LINK_COUNT_LIMIT',
  ],
  'metrics.exporter': ['OTEL_METRICS_EXPORTER'],
  'metrics.temporality': ['OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE'],
  'metrics.exemplarFilter': ['OTEL_METRICS_EXEMPLAR_FILTER'],
  'metrics.exportIntervalMillis': ['OTEL_METRIC_EXPORT_INTERVAL'],
  'metrics.exportTimeoutMillis': ['OTEL_METRIC_EXPORT_TIMEOUT'],
  'metrics.prometheus.host': ['OTEL_EXPORTER_PROMETHEUS_HOST'],
  'metrics.prometheus.port': ['OTEL_EXPORTER_PROMETHEUS_PORT'],
  'logs.exporter': ['OTEL_LOGS_EXPORTER'],
  'logs.batch.maxQueueSize': ['OTEL_BLRP_MAX_QUEUE_SIZE'],
  'logs.batch.maxExportBatchSize': ['OTEL_BLRP_MAX_EXPORT_BATCH_SIZE'],
  'logs.batch.scheduledDelayMillis': ['OTEL_BLRP_SCHEDULE_DELAY'],
  'logs.batch.exportTimeoutMillis': ['OTEL_BLRP_EXPORT_TIMEOUT'],
  'logs.limits.attributeCountLimit': [
    'OTEL_LOGRECORD_ATTRIBUTE_COUNT_LIMIT',
    'OTEL_ATTRIBUTE_COUNT_LIMIT',
  ],
  'logs.limits.attributeValueLengthLimit': [
    'OTEL_LOGRECORD_ATTRIBUTE_VALUE_LENGTH_LIMIT',
    'OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT',
  ],
  propagators: ['OTEL_PROPAGATORS'],
  logLevel: ['OTEL_LOG_LEVEL'],
  'selfTelemetry.enabled': ['PROC_TELEMETRY_SELF_TELEMETRY_ENABLED'],
};

/** The variable suffix of each export field (`OTEL_EXPORTER_OTLP_<SUFFIX>`). */
export const EXPORT_SUFFIX: Record<string, string> = {
  endpoint: 'ENDPOINT',
  protocol: 'PROTOCOL',
  headers: 'HEADERS',
  compression: 'COMPRESSION',
  timeoutMillis: 'TIMEOUT',
  'tls.certificateFile': TLS_SUFFIX.certificateFile,
  'tls.clientKeyFile': TLS_SUFFIX.clientKeyFile,
  'tls.clientCertificateFile': TLS_SUFFIX.clientCertificateFile,
  'tls.insecure': 'INSECURE',
};

const SIGNAL_NAMES: readonly string[] = ['traces', 'metrics', 'logs'];

/** The fields of `RetryConfig`, as their variables spell them (`PROC_TELEMETRY_RETRY_<SUFFIX>`). */
export const RETRY_SUFFIXES = [
  'MAX_ATTEMPTS',
  'INITIAL_BACKOFF_MILLIS',
  'MAX_BACKOFF_MILLIS',
  'BUDGET_MILLIS',
] as const;

/** The variables that turn instrumentations on and off. */
export const INSTRUMENTATION_VARIABLES = [
  'OTEL_NODE_ENABLED_INSTRUMENTATIONS',
  'OTEL_NODE_DISABLED_INSTRUMENTATIONS',
] as const;

/** Every environment variable `loadConfig()` reads, from the table above. */
export function supportedVariables(): string[] {
  const names = new Set<string>([CONFIG_FILE_ENV, ...INSTRUMENTATION_VARIABLES]);
  for (const variables of Object.values(VARIABLES)) for (const name of variables) names.add(name);
  for (const signal of [undefined, 'traces', 'metrics', 'logs'] as const) {
    for (const suffix of Object.values(EXPORT_SUFFIX)) names.add(exportVariable(suffix, signal));
    const scope = signal === undefined ? '' : `${signal.toUpperCase()}_`;
    for (const suffix of RETRY_SUFFIXES) names.add(`PROC_TELEMETRY_${scope}RETRY_${suffix}`);
    names.add(`PROC_TELEMETRY_${scope}MAX_QUEUE_BYTES`);
    names.add(`PROC_TELEMETRY_${scope}MAX_QUEUE_BYTES_WHILE_FAILING`);
  }
  return [...names];
}

/** The variable under an export section: per signal when the env layer set it per signal. */
function exportOrigin(
  keys: readonly string[],
  envOptions: TelemetryConfigOptions,
): string | undefined {
  const [signal, , ...rest] = keys as [Signal, string, ...string[]];
  const perSignal = setPerSignal(envOptions, signal, rest);
  if (rest[0] === 'retry' && rest[1] !== undefined) {
    const suffix = rest[1].replace(/([A-Z])/g, '_$1').toUpperCase();
    return `PROC_TELEMETRY_${perSignal ? `${signal.toUpperCase()}_` : ''}RETRY_${suffix}`;
  }
  if (rest[0] === 'maxQueueBytes' || rest[0] === 'maxQueueBytesWhileFailing') {
    const suffix = rest[0] === 'maxQueueBytes' ? '' : '_WHILE_FAILING';
    return `PROC_TELEMETRY_${perSignal ? `${signal.toUpperCase()}_` : ''}MAX_QUEUE_BYTES${suffix}`;
  }
  const field = rest[0] === 'headers' ? 'headers' : rest.join('.');
  const suffix = EXPORT_SUFFIX[field];
  if (suffix === undefined) return undefined;
  return exportVariable(suffix, perSignal ? signal : undefined);
}

/** Whether the variable's text is the value it gave (`'512'` for 512, `'gRPC'` for `grpc`). */
function spells(text: string | undefined, value: unknown): boolean {
  return text !== undefined && text.trim().toLowerCase() === String(value).toLowerCase();
}

/**
 * The environment variable that set the value at `path`, which the environment layer set; or
 * `undefined` when it cannot be told (the caller then says `env` alone). Of two variables that
 * may set it, the one whose text spells the value; else the first that is set.
 */
export function envVariableOf(
  path: string,
  value: unknown,
  envOptions: TelemetryConfigOptions,
  env: Env,
): string | undefined {
  const keys = path.split('.');
  if (SIGNAL_NAMES.includes(keys[0] ?? '') && keys[1] === 'export') {
    return exportOrigin(keys, envOptions);
  }
  // One list turns instrumentations on, the other off (and wins).
  if (keys[0] === 'instrumentations' && keys[2] === 'enabled') {
    return value === false ? INSTRUMENTATION_VARIABLES[1] : INSTRUMENTATION_VARIABLES[0];
  }
  const candidates =
    VARIABLES[path] ??
    VARIABLES[`${keys.slice(0, 2).join('.')}.*`] ??
    VARIABLES[`${keys[0]}.*`] ??
    [];
  const set = candidates.filter((name) => (env[name] ?? '').trim() !== '');
  return set.find((name) => spells(env[name], value)) ?? set[0] ?? candidates[0];
}
