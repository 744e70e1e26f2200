import type { z } from 'zod';
import type { ConfigSource, TelemetryConfigIssue } from '../types.js';
import { formatPath, getAt } from './plain.js';
import { redactValue } from './redaction.js';
import { knownKeysAt } from './schema.js';

function received(input: unknown, path: readonly PropertyKey[]): unknown {
  return redactValue(getAt(input, path), path.map(String));
}

function toIssues(
  issue: z.core.$ZodIssue,
  schema: z.ZodType,
  input: unknown,
  source: ConfigSource,
): TelemetryConfigIssue[] {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, path) ?? [];
    return issue.keys.map((key) => ({
      path: formatPath([...path, key]),
      received: received(input, [...path, key]),
      expected: `one of the known keys: ${known.join(', ')}`,
      source,
    }));
  }
  let expected = issue.message;
  if (issue.code === 'invalid_key') {
    expected = issue.issues[0]?.message ?? expected;
    return [{ path: formatPath(path), received: path[path.length - 1], expected, source }];
  }
  return [{ path: formatPath(path), received: received(input, path), expected, source }];
}

/** Every schema problem in `input`, as issues of `source` (empty when valid). */
export function schemaIssues(
  schema: z.ZodType,
  input: unknown,
  source: ConfigSource,
): TelemetryConfigIssue[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => toIssues(issue, schema, input, source));
}
