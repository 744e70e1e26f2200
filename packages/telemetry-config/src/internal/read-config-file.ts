import { readFileSync } from 'node:fs';
import type { Env } from './env-reader.js';
import { detectFormat, type ParsedFile, parseConfigText } from './parse-config-text.js';

/** Environment variable naming the config file when `loadConfig({ file })` is not given. */
export const CONFIG_FILE_ENV = 'PROC_TELEMETRY_CONFIG_FILE';

/** Reads and parses a config file; an unreadable file is an issue, not a crash. */
export function readConfigFile(path: string, env: Env): ParsedFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return {
      options: {},
      issues: [
        {
          path: '',
          received: path,
          expected: `a readable config file (${reason})`,
          source: 'file',
        },
      ],
      substituted: new Set(),
    };
  }
  return parseConfigText(text, detectFormat(path, text), path, env);
}
