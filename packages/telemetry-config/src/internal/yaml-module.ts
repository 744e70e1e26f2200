import { createRequire } from 'node:module';

// `yaml` (72 modules) is loaded on first use: an app with no config file never loads it. The
// ESM build gets `createRequire(import.meta.url)` here (tooling/typescript/mark-dist.cjs).
const requireFromHere = createRequire(__filename);

let loaded: typeof import('yaml') | undefined;

/** The `yaml` module, required the first time it is needed. */
export function yamlModule(): typeof import('yaml') {
  loaded ??= requireFromHere('yaml') as typeof import('yaml');
  return loaded;
}
