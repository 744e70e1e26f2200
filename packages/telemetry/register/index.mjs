// `node --import @proc/telemetry/register app.mjs` (or app.cjs): telemetry from OTEL_* variables
// and PROC_TELEMETRY_CONFIG_FILE, with no change to the app.
import { register } from 'node:module';
import { initTelemetry } from '../dist/esm/index.js';
import { startRegistered } from '../dist/esm/internal/start-registered.js';

// The loader hook (import-in-the-middle) that @opentelemetry/instrumentation ships for Node
// 20.6+: ES modules imported from now on can be patched by the enabled instrumentations.
// https://github.com/open-telemetry/opentelemetry-js/blob/main/doc/esm-support.md
// It comes with the optional peer @proc/telemetry-instrumentations, so it is resolved from there;
// without that package no instrumentation can be enabled and there is nothing to hook.
let instrumentations;
try {
  instrumentations = import.meta.resolve('@proc/telemetry-instrumentations');
} catch {
  instrumentations = undefined;
}
if (instrumentations !== undefined) {
  register('@opentelemetry/instrumentation/hook.mjs', instrumentations);
}

// Top-level await: Node runs the app's main module only once telemetry is registered, so its
// first span and first log record are exported too.
await startRegistered(initTelemetry);
