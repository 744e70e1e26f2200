import { existsSync, readFileSync } from 'node:fs';

/** The last `lines` lines of a log file, for an error message. */
export function logTail(file: string, lines = 15): string {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
