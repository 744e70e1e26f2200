import { isSamplingRatio } from '../is-sampling-ratio.js';
import type {
  ConfigWarning,
  ServiceConfig,
  TelemetryConfigOptions,
  TraceConfig,
} from '../types.js';
import { isCredentialKey } from './credentials.js';
import { readDetectors } from './env-detectors.js';
import { readExportEnv } from './env-export.js';
import { readExporter, readInstrumentations, readPropagators } from './env-lists.js';
import { createEnvReader, type Env, type EnvReader } from './env-reader.js';
import { reportUnreadVariables } from './env-unknown.js';
import {
  EXEMPLAR_FILTERS,
  EXPECTED,
  LOG_EXPORTERS,
  LOG_LEVELS,
  METRIC_EXPORTERS,
  SAMPLERS,
  TEMPORALITIES,
  TRACE_EXPORTERS,
} from './fields.js';
import { parseKeyValueList } from './key-value-list.js';

/** Resource attributes that have their own field in `service`. */
const SERVICE_KEYS: Record<string, keyof ServiceConfig> = {
  'service.name': 'name',
  'service.version': 'version',
  'service.namespace': 'namespace',
  'service.instance.id': 'instanceId',
  'deployment.environment.name': 'environment',
};

/** `OTEL_RESOURCE_ATTRIBUTES` and `OTEL_SERVICE_NAME`; the latter wins over `service.name`. */
function readResource(r: EnvReader): Pick<TelemetryConfigOptions, 'service' | 'resource'> {
  const name = 'OTEL_RESOURCE_ATTRIBUTES';
  const value = r.raw(name);
  const parsed = value === undefined ? undefined : parseKeyValueList(value);
  if (value !== undefined && parsed?.ok === false) {
    // Redact the whole value if any part of it looks like a credential.
    const expected = `a list of key=value pairs, percent-encoded (${parsed.reason})`;
    r.reject(name, value, expected, isCredentialKey(value));
  }
  const attributes: Record<string, string> = parsed?.ok ? parsed.values : {};
  const service: Partial<ServiceConfig> = {};
  for (const [key, field] of Object.entries(SERVICE_KEYS)) {
    const attribute = attributes[key];
    if (Object.hasOwn(attributes, key) && attribute !== undefined && attribute !== '') {
      service[field] = attribute;
    }
    delete attributes[key];
  }
  service.name = r.string('OTEL_SERVICE_NAME') ?? service.name;
  return {
    service,
    resource: { attributes: parsed?.ok ? attributes : undefined, detectors: readDetectors(r) },
  };
}

const RATIO_SAMPLERS: readonly string[] = ['traceidratio', 'parentbased_traceidratio'];

/** `OTEL_TRACES_SAMPLER_ARG` is only read for the ratio samplers (or when no sampler is set). */
function readSampler(r: EnvReader): Partial<TraceConfig['sampler']> {
  const type = r.enumValue('OTEL_TRACES_SAMPLER', SAMPLERS);
  const arg = r.raw('OTEL_TRACES_SAMPLER_ARG');
  if (arg === undefined || (type !== undefined && !RATIO_SAMPLERS.includes(type))) return { type };
  const ratio = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(arg) ? Number(arg) : Number.NaN;
  if (isSamplingRatio(ratio)) return { type, ratio };
  r.reject('OTEL_TRACES_SAMPLER_ARG', arg, EXPECTED.ratio);
  return { type };
}

/**
 * A limit the specification and the JS SDK name differently (`OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT`
 * / `OTEL_SPAN_ATTRIBUTE_PER_EVENT_COUNT_LIMIT`): either is read, so a NodeSDK setup keeps
 * working. The specification's name wins; both set to different values warns, naming both.
 */
function readAliased(r: EnvReader, spec: string, js: string): number | undefined {
  const fromSpec = r.integer(spec, 0, undefined, EXPECTED.limit);
  const fromJs = r.integer(js, 0, undefined, EXPECTED.limit);
  if (fromSpec !== undefined && fromJs !== undefined && fromSpec !== fromJs) {
    r.reject(
      js,
      String(fromJs),
      `the value of ${spec} (${fromSpec}), which wins when both are set`,
    );
  }
  return fromSpec ?? fromJs;
}

/**
 * Reads every supported `OTEL_*` variable into options. Never throws: each bad value is
 * reported through `report` and left out, so the next source down applies.
 * https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/
 */
export function readEnv(
  env: Env,
  report: (warning: ConfigWarning) => void,
): TelemetryConfigOptions {
  const r = createEnvReader(env, report);
  reportUnreadVariables(env, report);
  const int = (name: string, min: number, expected: string) =>
    r.integer(name, min, undefined, expected);
  // The generic limits are the fallback of both spans and log records: read once, warned once.
  const attributeCountLimit = int('OTEL_ATTRIBUTE_COUNT_LIMIT', 0, EXPECTED.limit);
  const attributeValueLengthLimit = int('OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT', 0, EXPECTED.limit);
  return {
    disabled: r.boolean('OTEL_SDK_DISABLED'),
    ...readResource(r),
    export: readExportEnv(r),
    traces: {
      exporter: readExporter(r, 'OTEL_TRACES_EXPORTER', TRACE_EXPORTERS),
      export: readExportEnv(r, 'TRACES'),
      sampler: readSampler(r),
      batch: {
        maxQueueSize: int('OTEL_BSP_MAX_QUEUE_SIZE', 1, EXPECTED.size),
        maxExportBatchSize: int('OTEL_BSP_MAX_EXPORT_BATCH_SIZE', 1, EXPECTED.size),
        scheduledDelayMillis: int('OTEL_BSP_SCHEDULE_DELAY', 1, EXPECTED.duration),
        exportTimeoutMillis: int('OTEL_BSP_EXPORT_TIMEOUT', 1, EXPECTED.duration),
      },
      limits: {
        attributeCountLimit:
          int('OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT', 0, EXPECTED.limit) ?? attributeCountLimit,
        attributeValueLengthLimit:
          int('OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT', 0, EXPECTED.limit) ??
          attributeValueLengthLimit,
        eventCountLimit: int('OTEL_SPAN_EVENT_COUNT_LIMIT', 0, EXPECTED.limit),
        linkCountLimit: int('OTEL_SPAN_LINK_COUNT_LIMIT', 0, EXPECTED.limit),
        attributePerEventCountLimit: readAliased(
          r,
          'OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT',
          'OTEL_SPAN_ATTRIBUTE_PER_EVENT_COUNT_LIMIT',
        ),
        attributePerLinkCountLimit: readAliased(
          r,
          'OTEL_LINK_ATTRIBUTE_COUNT_LIMIT',
          'OTEL_SPAN_ATTRIBUTE_PER_LINK_COUNT_LIMIT',
        ),
      },
    },
    metrics: {
      exporter: readExporter(r, 'OTEL_METRICS_EXPORTER', METRIC_EXPORTERS),
      export: readExportEnv(r, 'METRICS'),
      temporality: r.enumValue('OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE', TEMPORALITIES),
      exemplarFilter: r.enumValue('OTEL_METRICS_EXEMPLAR_FILTER', EXEMPLAR_FILTERS),
      exportIntervalMillis: int('OTEL_METRIC_EXPORT_INTERVAL', 1, EXPECTED.duration),
      exportTimeoutMillis: int('OTEL_METRIC_EXPORT_TIMEOUT', 1, EXPECTED.duration),
      prometheus: {
        host: r.string('OTEL_EXPORTER_PROMETHEUS_HOST'),
        port: r.integer('OTEL_EXPORTER_PROMETHEUS_PORT', 0, 65535, EXPECTED.port),
      },
    },
    logs: {
      exporter: readExporter(r, 'OTEL_LOGS_EXPORTER', LOG_EXPORTERS),
      export: readExportEnv(r, 'LOGS'),
      batch: {
        maxQueueSize: int('OTEL_BLRP_MAX_QUEUE_SIZE', 1, EXPECTED.size),
        maxExportBatchSize: int('OTEL_BLRP_MAX_EXPORT_BATCH_SIZE', 1, EXPECTED.size),
        scheduledDelayMillis: int('OTEL_BLRP_SCHEDULE_DELAY', 1, EXPECTED.duration),
        exportTimeoutMillis: int('OTEL_BLRP_EXPORT_TIMEOUT', 1, EXPECTED.duration),
      },
      limits: {
        attributeCountLimit:
          int('OTEL_LOGRECORD_ATTRIBUTE_COUNT_LIMIT', 0, EXPECTED.limit) ?? attributeCountLimit,
        attributeValueLengthLimit:
          int('OTEL_LOGRECORD_ATTRIBUTE_VALUE_LENGTH_LIMIT', 0, EXPECTED.limit) ??
          attributeValueLengthLimit,
      },
    },
    instrumentations: readInstrumentations(r),
    propagators: readPropagators(r, 'OTEL_PROPAGATORS'),
    logLevel: r.enumValue('OTEL_LOG_LEVEL', LOG_LEVELS),
    selfTelemetry: { enabled: r.boolean('PROC_TELEMETRY_SELF_TELEMETRY_ENABLED') },
  };
}
