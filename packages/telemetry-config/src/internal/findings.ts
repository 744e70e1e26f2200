import type { ConfigWarning, TelemetryConfigIssue } from '../types.js';

/** Where the checks made after merging report what they find. */
export interface Findings {
  /** An environment variable that is ignored; reported once, even when both signals hit it. */
  warn(warning: ConfigWarning): void;
  /** A bad value from code or a file; listed once in the `TelemetryConfigError`. */
  issue(issue: TelemetryConfigIssue): void;
  readonly issues: TelemetryConfigIssue[];
}

export function createFindings(report: (warning: ConfigWarning) => void): Findings {
  const warned = new Set<string>();
  const seen = new Set<string>();
  const issues: TelemetryConfigIssue[] = [];
  return {
    issues,
    warn(warning) {
      if (warned.has(warning.message)) return;
      warned.add(warning.message);
      report(warning);
    },
    issue(issue) {
      const key = `${issue.path}\n${issue.source}\n${issue.expected}`;
      if (seen.has(key)) return;
      seen.add(key);
      issues.push(issue);
    },
  };
}
