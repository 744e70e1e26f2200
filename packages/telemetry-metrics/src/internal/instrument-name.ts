/**
 * The instrument-name grammar of the OpenTelemetry metrics API:
 * https://opentelemetry.io/docs/specs/otel/metrics/api/#instrument-name-syntax
 */
export const INSTRUMENT_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_./-]{0,254}$/;

const RULE =
  'an instrument name starts with a letter, is followed by at most 254 letters, digits, ' +
  `'_', '.', '-' or '/', and so matches ${INSTRUMENT_NAME_PATTERN.source}`;

/** Throws a `TypeError` naming `name` and the rule when it is not a valid instrument name. */
export function assertValidInstrumentName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !INSTRUMENT_NAME_PATTERN.test(name)) {
    const shown = typeof name === 'string' ? JSON.stringify(name) : String(name);
    throw new TypeError(`@proc/telemetry-metrics: invalid instrument name ${shown}: ${RULE}`);
  }
}
