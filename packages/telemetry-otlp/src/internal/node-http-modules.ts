import type * as Http from 'node:http';
import type * as Https from 'node:https';
import { createRequire } from 'node:module';

// `node:http` (with `net`) and `node:https` (with `tls`) cost about 5 ms of a cold `require`;
// an app that never exports over HTTP needs neither, and one that does needs them only at its
// first export (`https` only for an `https:` URL), so they are required then. A plain
// `require`, not the dynamic `import()` the SDK's agent factory uses, which would start Node's
// ESM loader in the middle of a first export.
const requireFromHere = createRequire(__filename);

let http: typeof Http | undefined;
let https: typeof Https | undefined;

/** `node:http`, required the first time an export needs it. */
export function nodeHttp(): typeof Http {
  http ??= requireFromHere('node:http') as typeof Http;
  return http;
}

/** `node:https`, required the first time an export to an `https:` URL needs it. */
export function nodeHttps(): typeof Https {
  https ??= requireFromHere('node:https') as typeof Https;
  return https;
}
