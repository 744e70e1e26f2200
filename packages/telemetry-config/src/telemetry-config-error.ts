import type { TelemetryConfigIssue } from './types.js';

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}

/** One readable line per issue: `- traces.sampler.ratio (code): received 2, expected a number from 0 to 1`. */
export function formatIssues(issues: readonly TelemetryConfigIssue[]): string {
  return issues
    .map((issue) => {
      const where = issue.path === '' ? '(config)' : issue.path;
      return `  - ${where} (${issue.source}): received ${show(issue.received)}, expected ${issue.expected}`;
    })
    .join('\n');
}

/**
 * Thrown by `loadConfig` / `parseConfig` when a value given in code or in a config file is
 * invalid, and by `validateTraceConfig` / `validateMetricsConfig` (which the tracing and metrics
 * packages call on the section they are given). Lists every problem at once; received values
 * that may be secrets are redacted.
 * Invalid environment variables never throw: they are reported as warnings and ignored.
 */
export class TelemetryConfigError extends Error {
  /** Every problem found, in source order. */
  readonly issues: readonly TelemetryConfigIssue[];

  constructor(issues: readonly TelemetryConfigIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(
      `@proc/telemetry-config: invalid telemetry configuration (${count}):\n${formatIssues(issues)}`,
    );
    this.name = 'TelemetryConfigError';
    this.issues = issues;
  }
}
