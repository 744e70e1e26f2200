import { context, diag, metrics, propagation, trace } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';

/** Unregisters every OpenTelemetry global, as otel-js tests do after each test. */
export function resetGlobals(): void {
  trace.disable();
  metrics.disable();
  logs.disable();
  propagation.disable();
  context.disable();
  diag.disable();
}
