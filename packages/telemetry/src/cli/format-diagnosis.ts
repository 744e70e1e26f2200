import type { Diagnosis, DoctorFinding } from '@proc/telemetry-doctor';

const MARKS: Record<DoctorFinding['status'], string> = {
  ok: 'ok  ',
  problem: 'FAIL',
  skipped: 'skip',
};

/** One line per finding: `FAIL traces: <what is wrong>; fix: <what to change>`. */
function line(finding: DoctorFinding): string {
  const fix = finding.fix === undefined ? '' : `; fix: ${finding.fix}`;
  return `${MARKS[finding.status]} ${finding.signal}: ${finding.message}${fix}`;
}

/**
 * What `proc-telemetry doctor` prints: one line per signal (`ok`, `FAIL` with the fix, `skip`),
 * the ignored environment variables, and a closing line with the count of problems; or the
 * whole diagnosis as JSON.
 */
export function formatDiagnosis(diagnosis: Diagnosis, json: boolean): string {
  if (json) return `${JSON.stringify(diagnosis, null, 2)}\n`;
  const problems = diagnosis.findings.filter((finding) => finding.status === 'problem').length;
  const lines = [
    ...diagnosis.findings.map(line),
    ...diagnosis.configWarnings.map((warning) => `warn config: ${warning.message}`),
    problems === 0
      ? 'every enabled signal delivered its probe'
      : `${problems} problem${problems === 1 ? '' : 's'} found`,
  ];
  return `${lines.join('\n')}\n`;
}
