import { redactUrl } from '../redact-url.js';
import type { ConfigWarning } from '../types.js';
import { REDACTED } from './credentials.js';
import { EXPECTED } from './fields.js';
import { fileProblem } from './file-problem.js';
import { unsupportedValueReason } from './unsupported-env.js';
import { makeWarning } from './warnings.js';

export type Env = Record<string, string | undefined>;

/** Typed, forgiving access to environment variables: a bad value is reported, never thrown. */
export interface EnvReader {
  /** The trimmed value; `undefined` when unset or empty (the specification treats both alike). */
  raw(name: string): string | undefined;
  /** Reports `name` as ignored; `secret` redacts the value in the warning. */
  reject(name: string, value: string, expected: string, secret?: boolean): undefined;
  string(name: string): string | undefined;
  boolean(name: string): boolean | undefined;
  integer(name: string, min: number, max: number | undefined, expected: string): number | undefined;
  enumValue<T extends string>(name: string, values: readonly T[]): T | undefined;
  /** A URL, or `host:port` (usable with gRPC only, which is checked once the protocol is known). */
  endpoint(name: string): string | undefined;
  /** A path to a file that can be read now. */
  file(name: string): string | undefined;
}

export function createEnvReader(env: Env, report: (warning: ConfigWarning) => void): EnvReader {
  const raw = (name: string): string | undefined => {
    const value = env[name];
    if (typeof value !== 'string') return undefined;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  };

  const reject = (name: string, value: string, expected: string, secret = false): undefined => {
    // A value the specification or NodeSDK knows but this toolkit cannot do says why.
    const reason = unsupportedValueReason(name, value);
    const said =
      reason === undefined ? expected : `${expected} (${value} is not supported: ${reason})`;
    report(makeWarning(name, secret ? REDACTED : redactUrl(value), said));
    return undefined;
  };

  return {
    raw,
    reject,
    string: raw,
    boolean(name) {
      const value = raw(name);
      if (value === undefined) return undefined;
      const lower = value.toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      return reject(name, value, EXPECTED.boolean);
    },
    integer(name, min, max, expected) {
      const value = raw(name);
      if (value === undefined) return undefined;
      const parsed = /^[+-]?\d+$/.test(value) ? Number(value) : Number.NaN;
      const ok =
        Number.isSafeInteger(parsed) && parsed >= min && (max === undefined || parsed <= max);
      return ok ? parsed : reject(name, value, expected);
    },
    enumValue(name, values) {
      const value = raw(name);
      if (value === undefined) return undefined;
      const lower = value.toLowerCase();
      const found = values.find((candidate) => candidate === lower);
      return found ?? reject(name, value, EXPECTED.oneOf(values));
    },
    endpoint(name) {
      const value = raw(name);
      if (value === undefined) return undefined;
      // Checked once, by resolveEndpoint(), when the protocol it must suit is known.
      return value;
    },
    file(name) {
      const value = raw(name);
      if (value === undefined) return undefined;
      const problem = fileProblem(value);
      return problem === undefined ? value : reject(name, value, `${EXPECTED.file} (${problem})`);
    },
  };
}
