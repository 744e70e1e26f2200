import { trace } from '@opentelemetry/api';
import { loadConfig } from '@proc/telemetry-config';
import { createResource } from '@proc/telemetry-resource';
import {
  initTracerProvider,
  shutdownTracerProvider,
  traced,
  withSpan,
} from '@proc/telemetry-tracing';

const config = loadConfig(); // defaults < config file < OTEL_* < code
const resource = await createResource(config.service, config.resource);
const tracing = initTracerProvider(config.traces, resource);
trace.setGlobalTracerProvider(tracing.provider);

const total = withSpan('sum-values', (span) => {
  span.setAttribute('values.count', 3);
  return 1 + 2 + 3;
});
const loadUser = traced('load-user', async (id) => ({ id, name: 'Ada' }));
const user = await loadUser('u-1');

await shutdownTracerProvider(tracing, { timeoutMillis: 5000 });
console.log(`total ${total}, user ${user.name}: 2 spans sent`);
