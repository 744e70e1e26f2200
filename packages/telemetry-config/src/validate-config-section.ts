import type { ZodType } from 'zod';
import { layerCrossFieldIssues } from './internal/cross-field.js';
import { EXPECTED } from './internal/fields.js';
import { getAt } from './internal/plain.js';
import { telemetryConfigSchema } from './internal/schema.js';
import { sectionExportIssues } from './internal/section-export-issues.js';
import { schemaIssues } from './internal/validate.js';
import { isValidated } from './internal/validated-sections.js';
import { zod } from './internal/zod-module.js';
import { parseOtlpEndpoint } from './parse-otlp-endpoint.js';
import { TelemetryConfigError } from './telemetry-config-error.js';
import type { LogsConfig, MetricsConfig, TelemetryConfigIssue, TraceConfig } from './types.js';

type SectionName = 'traces' | 'metrics' | 'logs';

/** Every problem of a resolved section, with paths under `name` (e.g. `traces.sampler.ratio`). */
function sectionIssues(name: SectionName, section: unknown): TelemetryConfigIssue[] {
  const schema = zod().strictObject({ [name]: telemetryConfigSchema().shape[name] as ZodType });
  const input = { [name]: section };
  const issues = schemaIssues(schema, input, 'code');
  issues.push(...layerCrossFieldIssues(input, 'code'));
  // `host:port` without scheme is a gRPC form: the HTTP exporters need a URL.
  const endpoint = getAt(input, [name, 'export', 'endpoint']);
  const protocol = getAt(input, [name, 'export', 'protocol']);
  if (
    typeof endpoint === 'string' &&
    protocol !== 'grpc' &&
    !parseOtlpEndpoint(endpoint)?.hasScheme
  ) {
    if (!issues.some((issue) => issue.path === `${name}.export.endpoint`)) {
      issues.push({
        path: `${name}.export.endpoint`,
        received: endpoint,
        expected: `${EXPECTED.url} (protocol is ${String(protocol)})`,
        source: 'code',
      });
    }
  }
  if (issues.length === 0)
    issues.push(
      ...sectionExportIssues(name, (section as TraceConfig | MetricsConfig | LogsConfig).export),
    );
  return issues;
}

function assertSection(name: SectionName, section: unknown): void {
  // What loadConfig() returned was validated whole, with the file checks: trust it as is.
  if (isValidated(section)) return;
  const issues = sectionIssues(name, section);
  if (issues.length > 0) throw new TelemetryConfigError(issues);
}

/**
 * Checks a `traces` section built in code, as `loadConfig()` checks what it returns: every field
 * present, each one accepted, `batch.maxExportBatchSize <= batch.maxQueueSize`, TLS files
 * readable and a client key only with its certificate, headers gRPC can send. Unlike
 * `loadConfig()`, a gRPC endpoint may also be `host:port` (TLS unless `export.tls.insecure`).
 * A section `loadConfig()` returned is trusted without a second check (it was validated whole).
 *
 * @throws TelemetryConfigError listing every problem, with its path (`traces.sampler.ratio`),
 *   the value received (redacted when it may be a secret) and what is accepted.
 */
export function validateTraceConfig(section: unknown): asserts section is TraceConfig {
  assertSection('traces', section);
}

/**
 * Checks a `metrics` section built in code, as `loadConfig()` checks what it returns: every field
 * present, each one accepted, `exportTimeoutMillis <= exportIntervalMillis`, TLS files readable
 * and a client key only with its certificate, headers gRPC can send. Unlike
 * `loadConfig()`, a gRPC endpoint may also be `host:port` (TLS unless `export.tls.insecure`).
 * A section `loadConfig()` returned is trusted without a second check (it was validated whole).
 *
 * @throws TelemetryConfigError listing every problem, with its path (`metrics.exemplarFilter`),
 *   the value received (redacted when it may be a secret) and what is accepted.
 */
export function validateMetricsConfig(section: unknown): asserts section is MetricsConfig {
  assertSection('metrics', section);
}

/**
 * Checks a `logs` section built in code, as `loadConfig()` checks what it returns: every field
 * present, each one accepted, `batch.maxExportBatchSize <= batch.maxQueueSize`, TLS files
 * readable and a client key only with its certificate, headers gRPC can send. Unlike
 * `loadConfig()`, a gRPC endpoint may also be `host:port` (TLS unless `export.tls.insecure`).
 * A section from `loadConfig()` passes (unless a TLS file was removed since).
 *
 * @throws TelemetryConfigError listing every problem, with its path (`logs.batch.maxQueueSize`),
 *   the value received (redacted when it may be a secret) and what is accepted.
 */
export function validateLogsConfig(section: unknown): asserts section is LogsConfig {
  assertSection('logs', section);
}
