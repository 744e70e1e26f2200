/**
 * The official OpenTelemetry instrumentations the @proc/telemetry packages can enable, built from
 * the `instrumentations` config section.
 * @packageDocumentation
 */
export type { Instrumentation } from '@opentelemetry/instrumentation';
export { createInstrumentations, INSTRUMENTATION_NAMES } from './create-instrumentations.js';
