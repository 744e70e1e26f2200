import type { TraceConfig } from '@proc/telemetry-config';
import { isValidRatio } from './validate-ratio.js';

const SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
];
const EXPORTERS = ['otlp', 'console', 'none'];
const PROTOCOLS = ['grpc', 'http/protobuf', 'http/json'];
const COMPRESSIONS = ['gzip', 'none'];

function positiveInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function oneOf(problems: string[], path: string, value: unknown, accepted: string[]): void {
  if (!accepted.includes(value as string)) {
    problems.push(`${path} must be one of ${accepted.join(', ')}, got ${String(value)}`);
  }
}

function countLimit(problems: string[], path: string, value: unknown): void {
  if (
    !(typeof value === 'number' && (Number.isInteger(value) || value === Infinity) && value >= 0)
  ) {
    problems.push(`${path} must be an integer >= 0 or Infinity, got ${String(value)}`);
  }
}

/**
 * Checks the parts of `TraceConfig` this package uses and throws one TypeError listing every
 * problem (`traces.<path> must be ..., got ...`). `loadConfig()` validates too; this guards
 * configs built by hand in code.
 */
export function validateTraceConfig(config: TraceConfig): void {
  const problems: string[] = [];
  oneOf(problems, 'traces.exporter', config.exporter, EXPORTERS);
  oneOf(problems, 'traces.sampler.type', config.sampler?.type, SAMPLERS);
  if (!isValidRatio(config.sampler?.ratio)) {
    problems.push(
      `traces.sampler.ratio must be a number from 0 to 1 inclusive, got ${String(config.sampler?.ratio)}`,
    );
  }
  const batch = config.batch ?? {};
  for (const key of [
    'maxQueueSize',
    'maxExportBatchSize',
    'scheduledDelayMillis',
    'exportTimeoutMillis',
  ] as const) {
    if (!positiveInteger(batch[key])) {
      problems.push(`traces.batch.${key} must be an integer > 0, got ${String(batch[key])}`);
    }
  }
  if (batch.maxExportBatchSize > batch.maxQueueSize) {
    problems.push(
      `traces.batch.maxExportBatchSize (${batch.maxExportBatchSize}) must not exceed traces.batch.maxQueueSize (${batch.maxQueueSize})`,
    );
  }
  const limits = config.limits ?? {};
  for (const key of [
    'attributeCountLimit',
    'eventCountLimit',
    'linkCountLimit',
    'attributePerEventCountLimit',
    'attributePerLinkCountLimit',
  ] as const) {
    countLimit(problems, `traces.limits.${key}`, limits[key]);
  }
  if (limits.attributeValueLengthLimit !== undefined) {
    countLimit(
      problems,
      'traces.limits.attributeValueLengthLimit',
      limits.attributeValueLengthLimit,
    );
  }
  if (config.enabled && config.exporter === 'otlp') {
    const exp = config.export ?? {};
    oneOf(problems, 'traces.export.protocol', exp.protocol, PROTOCOLS);
    oneOf(problems, 'traces.export.compression', exp.compression, COMPRESSIONS);
    if (typeof exp.endpoint !== 'string' || exp.endpoint.trim() === '') {
      problems.push(`traces.export.endpoint must be a non-empty URL, got ${String(exp.endpoint)}`);
    }
    if (!positiveInteger(exp.timeoutMillis)) {
      problems.push(
        `traces.export.timeoutMillis must be an integer > 0, got ${String(exp.timeoutMillis)}`,
      );
    }
    const tls = exp.tls ?? { insecure: false };
    if ((tls.clientKeyFile === undefined) !== (tls.clientCertificateFile === undefined)) {
      problems.push(
        'traces.export.tls.clientKeyFile and traces.export.tls.clientCertificateFile must be set together',
      );
    }
  }
  if (problems.length > 0) {
    throw new TypeError(
      `@proc/telemetry-tracing: invalid TraceConfig:\n  - ${problems.join('\n  - ')}`,
    );
  }
}
