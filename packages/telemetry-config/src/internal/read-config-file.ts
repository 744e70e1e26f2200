import { readFileSync, statSync } from 'node:fs';
import type { Env } from './env-reader.js';
import {
  detectFormat,
  MAX_CONFIG_BYTES,
  type ParsedFile,
  parseConfigText,
  tooLarge,
} from './parse-config-text.js';

/** Environment variable naming the config file when `loadConfig({ file })` is not given. */
export const CONFIG_FILE_ENV = 'PROC_TELEMETRY_CONFIG_FILE';

const unread = (path: string, expected: string): ParsedFile => ({
  options: {},
  issues: [{ path: '', received: path, expected, source: 'file' }],
  substituted: new Set(),
});

/**
 * Reads and parses a config file; an unreadable file, or one larger than the limit (checked
 * before reading it), is an issue, not a crash.
 */
export function readConfigFile(path: string, env: Env): ParsedFile {
  let text: string;
  try {
    const { size } = statSync(path);
    if (size > MAX_CONFIG_BYTES) return unread(path, tooLarge(size));
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return unread(path, `a readable config file (${reason})`);
  }
  return parseConfigText(text, detectFormat(path, text), path, env);
}
