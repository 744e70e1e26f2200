import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';

// The logs API keeps its global apart, under its own symbol (`@opentelemetry/api-logs`).
const LOGS_API_GLOBAL = Symbol.for('io.opentelemetry.js.api.logs');

// Same symbol the API keeps its globals under (`@opentelemetry/api` 1.x `global-utils.ts`).
const API_GLOBALS = Symbol.for('opentelemetry.js.api.1');

/** Which OpenTelemetry API globals are registered right now. */
export function registeredGlobals(): string[] {
  const globals = (globalThis as Record<symbol, Record<string, unknown> | undefined>)[API_GLOBALS];
  const names = ['trace', 'metrics', 'propagation', 'context', 'diag'].filter(
    (name) => globals?.[name] !== undefined,
  );
  const logsGlobal = (globalThis as Record<symbol, unknown>)[LOGS_API_GLOBAL];
  return logsGlobal === undefined ? names : [...names, 'logs'];
}

/** True when a span started through the global API records (a real provider is registered). */
export function globalTracerRecords(): boolean {
  const span = trace.getTracer('probe').startSpan('probe');
  const recording = span.isRecording();
  span.end();
  return recording;
}

/** True when the global context manager carries a value across `await` (ALS registered). */
export async function contextSurvivesAwait(): Promise<boolean> {
  const key = Symbol('probe');
  return context.with(ROOT_CONTEXT.setValue(key, 1), async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return context.active().getValue(key) === 1;
  });
}
