import { createRequire } from 'node:module';

// `zod` (95 modules) is loaded the first time a value needs checking against the schema: code
// options, a config file or a hand-built section. An app configured by `OTEL_*` variables alone
// (whose values the env reader checks itself) never loads it. The ESM build gets
// `createRequire(import.meta.url)` here (tooling/typescript/mark-dist.cjs).
const requireFromHere = createRequire(__filename);

let loaded: typeof import('zod').z | undefined;

/** zod's `z`, required the first time it is needed. */
export function zod(): typeof import('zod').z {
  loaded ??= (requireFromHere('zod') as typeof import('zod')).z;
  return loaded;
}
