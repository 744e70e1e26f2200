import { once } from 'node:events';
import { createRequire } from 'node:module';
import { trace } from '@opentelemetry/api';
import { loadConfig } from '@proc/telemetry-config';
import { createInstrumentations } from '@proc/telemetry-instrumentations';
import { createResource } from '@proc/telemetry-resource';
import { initTracerProvider, shutdownTracerProvider } from '@proc/telemetry-tracing';

// In code here; OTEL_NODE_ENABLED_INSTRUMENTATIONS=http does the same.
const config = loadConfig({ config: { instrumentations: { http: { enabled: true } } } });
const tracing = initTracerProvider(
  config.traces,
  await createResource(config.service, config.resource),
);
trace.setGlobalTracerProvider(tracing.provider); // instrumentations use the global provider
for (const instrumentation of createInstrumentations(config.instrumentations)) {
  // Set `enabled` in the config too: undici records only when it says so.
  instrumentation.setConfig({ ...instrumentation.getConfig(), enabled: true });
  instrumentation.enable();
}

// Loaded after enable(), with require(): an ES `import` of node:http needs the loader hook of
// `node --import @proc/telemetry/register`.
const http = createRequire(import.meta.url)('node:http');
const server = http.createServer((_request, response) => response.end('ok')).listen(0, '127.0.0.1');
await once(server, 'listening');
const response = await new Promise((resolve) => {
  http.get(`http://127.0.0.1:${server.address().port}/orders`, resolve);
});
response.resume();
await once(response, 'end');
server.close();

await shutdownTracerProvider(tracing, { timeoutMillis: 5000 });
console.log(`GET /orders: ${response.statusCode}, a client and a server span sent`);
