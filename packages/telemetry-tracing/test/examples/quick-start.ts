// Runnable example, exercised by test/examples.wire.test.ts and quoted in the README.
// In your code, import from '@proc/telemetry-tracing' instead of '../../src/index.js'.
import { trace } from '@opentelemetry/api';
import { loadConfig } from '@proc/telemetry-config';
import { createResource } from '@proc/telemetry-resource';
import { initTracerProvider, shutdownTracerProvider, traced, withSpan } from '../../src/index.js';

/** Configure from OTEL_* variables, trace a little work, flush and stop. */
export async function quickStart(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig({ env });
  const resource = await createResource(config.service, config.resource);
  const tracing = initTracerProvider(config.traces, resource);
  // Registering globals is the application's call (@proc/telemetry's initTelemetry does it).
  trace.setGlobalTracerProvider(tracing.provider);

  const total = withSpan('sum-values', (span) => {
    span.setAttribute('values.count', 3);
    return 1 + 2 + 3;
  });

  const loadUser = traced('load-user', async (id: string) => ({ id, name: 'Ada' }));
  const user = await loadUser('u-1');

  await shutdownTracerProvider(tracing, { timeoutMillis: 5000 });
  return { total, user };
}
