import type { Document } from 'yaml';
import type { Env } from './env-reader.js';
import { yamlModule } from './yaml-module.js';

/** `$$` (an escaped `$`) or `${NAME}`, `${env:NAME}`, `${NAME:-fallback}`. */
const REFERENCE = /\$\$|\$\{(?:env:)?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;
const WHOLE_REFERENCE = /^\$\{(?:env:)?[A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?\}$/;

export interface MissingReference {
  /** Config path of the value holding the reference. */
  path: string;
  name: string;
  text: string;
}

/**
 * Replaces references in one string; names without a value (and no fallback) go to `missing`,
 * names replaced (by their value or their fallback) to `replaced`.
 */
export function substituteText(
  text: string,
  env: Env,
  missing: string[],
  replaced: string[] = [],
): string {
  return text.replace(
    REFERENCE,
    (match, name: string | undefined, fallback: string | undefined) => {
      if (name === undefined) return '$';
      const value = env[name] ?? fallback;
      if (value === undefined) missing.push(name);
      else replaced.push(name);
      return value ?? match;
    },
  );
}

/** Escapes `$` where it would start a reference, so `substituteText` gives the text back. */
export function escapeText(text: string): string {
  return text.replace(/\$(?=[{$])/g, '$$$$');
}

function pathOf(ancestors: readonly unknown[], node: unknown): string {
  const keys: string[] = [];
  const chain = [...ancestors, node];
  chain.forEach((item, index) => {
    if (yamlModule().isPair(item) && yamlModule().isScalar(item.key))
      keys.push(String(item.key.value));
    const next = chain[index + 1];
    if (yamlModule().isSeq(item) && next !== undefined)
      keys.push(String(item.items.indexOf(next as never)));
  });
  return keys.join('.');
}

export interface Substitution {
  missing: MissingReference[];
  /**
   * Config paths of the values a reference was substituted into (`export.headers.authorization`,
   * `propagators.1`): they may hold a secret, so errors never print them.
   */
  substituted: Set<string>;
}

/**
 * Substitutes environment references in the string values of a parsed document (never in keys,
 * and never by re-parsing the text, so a value cannot inject structure). A plain (unquoted)
 * scalar that is exactly one reference is then read as a YAML scalar, so `port: ${PORT}` gives
 * a number, while `"${PORT}"` stays a string.
 * https://opentelemetry.io/docs/specs/otel/configuration/data-model/#environment-variable-substitution
 */
export function substituteEnv(doc: Document, env: Env): Substitution {
  const missing: MissingReference[] = [];
  const substituted = new Set<string>();
  yamlModule().visit(doc, {
    Scalar(key, node, ancestors) {
      if (key === 'key' || typeof node.value !== 'string' || !node.value.includes('$')) return;
      const names: string[] = [];
      const found: string[] = [];
      const original = node.value;
      const replaced = substituteText(original, env, names, found);
      for (const name of names)
        missing.push({ path: pathOf(ancestors, node), name, text: original });
      if (found.length > 0) substituted.add(pathOf(ancestors, node));
      node.value = replaced;
      if (node.type === 'PLAIN' && WHOLE_REFERENCE.test(original) && names.length === 0) {
        try {
          const typed: unknown = yamlModule().parse(replaced);
          if (['number', 'boolean', 'string'].includes(typeof typed) || typed === null) {
            node.value = typed;
          }
        } catch {
          // Not a scalar in YAML: keep the text.
        }
      }
    },
  });
  return { missing, substituted };
}
