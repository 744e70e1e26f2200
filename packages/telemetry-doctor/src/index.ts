/**
 * `diagnoseTelemetry()`: real probes of each enabled signal's endpoint that name the mistake and
 * its fix; `proc-telemetry doctor` (the CLI of `@proc/telemetry`) prints them.
 * @packageDocumentation
 */
export { diagnoseTelemetry } from './diagnose-telemetry.js';
export type {
  DiagnoseTelemetryOptions,
  Diagnosis,
  DoctorFinding,
  DoctorFindingCode,
  DoctorSignal,
} from './types.js';
