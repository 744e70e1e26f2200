import type { ConfigFormat, TelemetryConfigIssue, TelemetryConfigOptions } from '../types.js';
import { layerCrossFieldIssues } from './cross-field.js';
import type { Env } from './env-reader.js';
import { maskSubstituted } from './mask-substituted.js';
import { nestingDepth } from './nesting-depth.js';
import { isPlainObject, type PlainObject, setOwn } from './plain.js';
import { telemetryConfigOptionsSchema } from './schema.js';
import { substituteEnv } from './substitute-env.js';
import { schemaIssues } from './validate.js';
import { yamlModule } from './yaml-module.js';

export interface ParsedFile {
  options: TelemetryConfigOptions;
  issues: TelemetryConfigIssue[];
  /** Paths of the values a `${…}` reference was substituted into (see `maskSubstituted`). */
  substituted: ReadonlySet<string>;
}

/** In a file, `key:` with no value (null) means "not set here". */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isPlainObject(value)) return value;
  const out: PlainObject = {};
  for (const key of Object.keys(value)) {
    if (value[key] !== null) setOwn(out, key, withoutNulls(value[key]));
  }
  return out;
}

const NONE: ReadonlySet<string> = new Set();

const fileIssue = (origin: string, expected: string): TelemetryConfigIssue => ({
  path: '',
  received: origin,
  expected,
  source: 'file',
});

/** `.json` → JSON, `.yaml` / `.yml` → YAML, otherwise by content. */
export function detectFormat(origin: string, text: string): ConfigFormat {
  if (/\.json$/i.test(origin)) return 'json';
  if (/\.ya?ml$/i.test(origin)) return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

/** Largest config file or text read, in bytes: far above any real config, and cheap to scan. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Deepest nesting of collections accepted: a config needs about 5. */
export const MAX_CONFIG_DEPTH = 32;

export const tooLarge = (bytes: number) =>
  `a config file of at most 1 MiB (${MAX_CONFIG_BYTES} bytes), not ${bytes} bytes`;

/**
 * Why `text` is not parsed at all, or `undefined`. Bounded before parsing: composing a deeply
 * nested document recurses, and deep enough it can abort the process instead of throwing.
 */
function limitProblem(text: string): string | undefined {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_CONFIG_BYTES) return tooLarge(bytes);
  const depth = nestingDepth(text, MAX_CONFIG_DEPTH);
  if (depth > MAX_CONFIG_DEPTH) {
    return `nesting at most ${MAX_CONFIG_DEPTH} levels deep (found more than ${MAX_CONFIG_DEPTH})`;
  }
  return undefined;
}

/**
 * Parses config file text (JSON is read as YAML 1.2, of which it is a subset), substitutes
 * `${NAME}` references and validates the result. Problems come back as issues, never thrown.
 */
export function parseConfigText(
  text: string,
  format: ConfigFormat,
  origin: string,
  env: Env,
): ParsedFile {
  const label = format === 'json' ? 'JSON' : 'YAML';
  const limit = limitProblem(text);
  if (limit !== undefined)
    return { options: {}, issues: [fileIssue(origin, limit)], substituted: NONE };
  const doc = yamlModule().parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((error) =>
      fileIssue(origin, `valid ${label} (${error.message.split('\n')[0]})`),
    );
    return { options: {}, issues, substituted: NONE };
  }
  const { missing, substituted } = substituteEnv(doc, env);
  if (missing.length > 0) {
    const issues = missing.map(({ path, name, text: value }) => ({
      path,
      received: value,
      expected: `environment variable ${name} to be set (referenced in ${origin})`,
      source: 'file' as const,
    }));
    return { options: {}, issues, substituted };
  }
  let value: unknown;
  try {
    value = withoutNulls(doc.toJS({ maxAliasCount: 1000 }));
  } catch (error) {
    return {
      options: {},
      issues: [fileIssue(origin, `valid ${label} (${(error as Error).message})`)],
      substituted,
    };
  }
  if (value === undefined || value === null) return { options: {}, issues: [], substituted };
  if (!isPlainObject(value)) {
    const issues = [fileIssue(origin, `a ${label} object at the top level`)];
    return { options: {}, issues, substituted };
  }
  const issues = schemaIssues(telemetryConfigOptionsSchema(), value, 'file');
  if (issues.length === 0) issues.push(...layerCrossFieldIssues(value, 'file'));
  return {
    options: value as TelemetryConfigOptions,
    issues: maskSubstituted(issues, substituted),
    substituted,
  };
}
