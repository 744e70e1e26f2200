import { accessSync, constants, statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Why the file at `path` (relative to the working directory) cannot be read, e.g. `ENOENT` or
 * `not a file`, or `undefined` when it can. Only checks: the contents (a private key, maybe)
 * are read by the exporter, not kept here.
 */
export function fileProblem(path: string): string | undefined {
  try {
    const absolute = resolve(path);
    if (!statSync(absolute).isFile()) return 'not a file';
    accessSync(absolute, constants.R_OK);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  }
}
