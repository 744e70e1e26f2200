import { redactUrl } from '../redact-url.js';
import type { ConfigWarning } from '../types.js';
import { REDACTED } from './credentials.js';
import { supportedVariables } from './env-origins.js';
import type { Env } from './env-reader.js';
import { unsupportedVariable } from './unsupported-env.js';
import { notRead } from './warnings.js';

/** Prefixes of this toolkit's variables: an unknown name under them is most likely a typo. */
const OWN_PREFIXES = ['OTEL_', 'PROC_TELEMETRY_'];

/** Edits between two names (Levenshtein); names are short, so the plain table is enough. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The supported name `name` is most likely a misspelling of, if one is close enough. */
export function closestVariable(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  // A few edits, more for long names: `OTEL_EXPORTER_OTLP_ENDPIONT`, not another tool's name.
  return bestDistance <= Math.max(2, Math.floor(name.length / 12)) ? best : undefined;
}

/**
 * One warning per variable that is set and that the specification or NodeSDK defines but this
 * toolkit does not read (naming why and what to use instead), and per set variable under
 * `OTEL_` / `PROC_TELEMETRY_` that is not read but is a few letters from one that is ("did you
 * mean"). Other unknown `OTEL_*` variables pass silently: instrumentations and other tools read
 * their own (`OTEL_SEMCONV_STABILITY_OPT_IN`, `OTEL_INSTRUMENTATION_*`).
 */
export function reportUnreadVariables(env: Env, report: (warning: ConfigWarning) => void): void {
  const known = supportedVariables();
  for (const [name, raw] of Object.entries(env)) {
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    if (!OWN_PREFIXES.some((prefix) => name.startsWith(prefix)) || known.includes(name)) continue;
    const unsupported = unsupportedVariable(name);
    if (unsupported !== undefined) {
      report(notRead(name, redactUrl(raw.trim()), `not supported: ${unsupported.reason}`));
      continue;
    }
    const close = closestVariable(name, known);
    // The value may be a secret under a misspelt name (`..._HEDAERS`): never print it.
    if (close !== undefined)
      report(notRead(name, REDACTED, `an unknown variable: did you mean ${close}?`));
  }
}
