// `node --require @proc/telemetry/register app.cjs`: telemetry from OTEL_* variables and
// PROC_TELEMETRY_CONFIG_FILE, with no change to the app. The instrumentations hook require() at
// once, synchronously; the providers need the detected resource, which takes a few milliseconds.
const Module = require('node:module');
const { initTelemetry } = require('../dist/cjs/index.js');
const { startRegistered } = require('../dist/cjs/internal/start-registered.js');

const started = startRegistered(initTelemetry);

// Node starts the main module through Module.runMain once the --require preloads have run:
// waiting for telemetry there means the app's first request and first log line are exported, as
// with --import (whose top-level await does the same). Where Node or another preload does not go
// through it, the app starts at once and telemetry a few milliseconds later.
const runMain = Module.runMain;
if (typeof runMain === 'function') {
  Module.runMain = function runMainOnceTelemetryStarted(...args) {
    Module.runMain = runMain;
    started.finally(() => runMain.apply(this, args));
  };
}
