import { diag } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createLifecycle } from '@proc/telemetry-lifecycle';

// Any provider with forceFlush() and shutdown(); this exporter reads OTEL_EXPORTER_OTLP_ENDPOINT.
const provider = new BasicTracerProvider({
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
});
const logger = diag.createComponentLogger({ namespace: 'my-signal' });
const lifecycle = createLifecycle({
  logger,
  shutdownTimeoutMillis: 30_000,
  flush: () => provider.forceFlush(),
  shutdown: () => provider.shutdown(),
  // What shutdown() resolves with: here one line; the @proc/telemetry handles return a report.
  afterShutdown: (outcome, ms) => `shutdown ${outcome.status} (deadline ${ms} ms)`,
});

provider.getTracer('lifecycle-quick-start').startSpan('bounded work').end();

// Resolves by its deadline, whatever the exporter does, and never rejects.
const first = await lifecycle.shutdown({ timeoutMillis: 5000 });
// A second call warns (through `logger`) and returns the first call's result.
const second = await lifecycle.shutdown();
console.log(first, '| second call, same result:', second === first);
