import { createRequire } from 'node:module';
import type { DiagnoseTelemetryOptions, Diagnosis } from '@proc/telemetry-doctor';

// @proc/telemetry-doctor is required on the first diagnosis, not when this package loads: an app
// that never asks for one (most) does not pay for its bundle in its cold start. The ESM build
// gets `createRequire(import.meta.url)` here (tooling/typescript/mark-dist.cjs).
const requireFromHere = createRequire(__filename);

type DoctorModule = typeof import('@proc/telemetry-doctor');

/**
 * Checks that the telemetry would arrive, as `proc-telemetry doctor` does: `diagnoseTelemetry()`
 * of `@proc/telemetry-doctor`, which this package loads on the first call. It resolves the
 * configuration as `initTelemetry()` would from the same options, sends one span, data point or
 * log record to each enabled signal's endpoint through the transport the app would use, and
 * names the mistake with its fix when it does not arrive. Never throws for what it finds.
 *
 * @throws TelemetryConfigError (rejects) for an invalid configuration in code or the file;
 *   RangeError for a `timeoutMillis` that is not a finite number > 0; TypeError for an unknown
 *   name in `signals`.
 *
 * @example
 * const diagnosis = await diagnoseTelemetry();
 * for (const finding of diagnosis.findings) {
 *   if (finding.status === 'problem') console.warn(`${finding.signal}: ${finding.message}; ${finding.fix}`);
 * }
 */
export async function diagnoseTelemetry(
  options: DiagnoseTelemetryOptions = {},
): Promise<Diagnosis> {
  const doctor = requireFromHere('@proc/telemetry-doctor') as DoctorModule;
  return doctor.diagnoseTelemetry(options);
}
