import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { type OtlpReceiver, startOtlpReceiver } from '@proc/telemetry-testing';

// An export request must never become a span, whatever order an app sets things up in. Inside
// `initTelemetry()` the export runs with tracing suppressed in an `AsyncLocalStorage` context;
// this is the case that does not have that: the packages used alone, no context manager, the
// http instrumentation enabled before the tracer provider is made (so the OTLP transport gets
// the patched `http.request`). Each traced export would then be exported by the next, without
// end. Run in a child process: the instrumentation patches `node:http` through Node's own
// module loader, which jest's replaces.

const PACKAGE_DIR = path.resolve(__dirname, '..');

const APP = `
const { trace } = require('@opentelemetry/api');
const { loadConfig } = require('@proc/telemetry-config');
const { createInstrumentations } = require('@proc/telemetry-instrumentations');
const config = loadConfig();
for (const instrumentation of createInstrumentations(config.instrumentations)) {
  instrumentation.setConfig({ ...instrumentation.getConfig(), enabled: true });
  instrumentation.enable();
}
// Loaded after enable(): the transport's node:http is the patched one.
const { createResource } = require('@proc/telemetry-resource');
const { initTracerProvider, shutdownTracerProvider } = require('@proc/telemetry-tracing');
const http = require('node:http');
const get = (url) => new Promise((resolve, reject) => {
  http.get(url, (response) => { response.resume(); response.on('end', resolve); }).on('error', reject);
});
(async () => {
  const tracing = initTracerProvider(config.traces, await createResource(config.service, config.resource));
  trace.setGlobalTracerProvider(tracing.provider);
  // Three rounds of a request and an export: a traced export would be sent by the next one.
  for (let round = 0; round < 3; round++) {
    await get(process.env.TARGET_URL + '/round-' + round);
    await tracing.provider.forceFlush();
  }
  await shutdownTracerProvider(tracing, { timeoutMillis: 5000 });
})().catch((error) => { console.error(error); process.exitCode = 1; });
`;

describe('export requests with the http instrumentation enabled first and no context manager', () => {
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterAll(() => receiver?.stop());

  it.each(['http/protobuf', 'http/json'])(
    'should never trace an export over %s',
    async (protocol) => {
      receiver.clear();
      const child = spawn(process.execPath, ['-e', APP], {
        cwd: PACKAGE_DIR,
        env: {
          PATH: process.env.PATH,
          OTEL_SERVICE_NAME: 'untraced-exports',
          OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http',
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
          OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
          OTEL_METRICS_EXPORTER: 'none',
          OTEL_LOGS_EXPORTER: 'none',
          // The receiver's own URL: its GETs are answered (404) and traced as any request is.
          TARGET_URL: receiver.httpUrl,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 30_000,
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const [code] = await once(child, 'exit');
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const spans = receiver
        .spans()
        .filter((span) => span.resource['service.name'] === 'untraced-exports');
      const paths = spans.map((span) =>
        String(span.attributes['url.full'] ?? span.attributes['url.path']),
      );
      // The app's three GETs arrive as client spans (and the receiver's server side is not ours)…
      expect(paths.filter((url) => url.includes('/round-'))).toHaveLength(3);
      // …and not one POST of an export.
      expect(spans.filter((span) => span.attributes['http.request.method'] === 'POST')).toEqual([]);
    },
    60_000,
  );
});
