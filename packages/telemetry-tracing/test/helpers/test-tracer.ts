import { context, diag, type Tracer, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** A provider that keeps every ended span in memory, synchronously. */
export interface TestTracer {
  provider: BasicTracerProvider;
  exporter: InMemorySpanExporter;
  tracer: Tracer;
}

export function createTestTracer(): TestTracer {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return { provider, exporter, tracer: provider.getTracer('test') };
}

/**
 * Registers, before each test, an AsyncLocalStorage context manager and a fresh test tracer
 * provider as the globals, and resets every global after it. The returned object is refilled
 * with the current test's tracer before each test.
 */
export function useGlobalTestTracer(): TestTracer {
  const current = {} as TestTracer;
  beforeEach(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    Object.assign(current, createTestTracer());
    trace.setGlobalTracerProvider(current.provider);
  });
  afterEach(async () => {
    await current.provider.shutdown();
    context.disable();
    trace.disable();
    diag.disable();
  });
  return current;
}
