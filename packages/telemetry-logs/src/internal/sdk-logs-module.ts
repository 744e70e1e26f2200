import { createRequire } from 'node:module';

// `@opentelemetry/sdk-logs` (21 modules, ~60 KB) is loaded when a logger provider is built:
// importing this package (and `@proc/telemetry`, which builds its logs pipeline on the first
// logger asked for) does not load it. The ESM build gets `createRequire(import.meta.url)` here
// (tooling/typescript/mark-dist.cjs).
const requireFromHere = createRequire(__filename);

type SdkLogs = typeof import('@opentelemetry/sdk-logs');

let loaded: SdkLogs | undefined;

/** The `@opentelemetry/sdk-logs` module, required the first time it is needed. */
export function sdkLogs(): SdkLogs {
  loaded ??= requireFromHere('@opentelemetry/sdk-logs') as SdkLogs;
  return loaded;
}
