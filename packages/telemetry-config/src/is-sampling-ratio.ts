/**
 * The one rule for a sampling ratio (`traces.sampler.ratio`, `OTEL_TRACES_SAMPLER_ARG`,
 * `setSamplingRatio()`): a finite number from 0 to 1 inclusive. `loadConfig()` and the section
 * validator apply it to the config; the tracing and umbrella packages to a ratio set at run time.
 */
export function isSamplingRatio(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}
