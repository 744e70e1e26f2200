import { type Tracer, type TracerProvider, trace } from '@opentelemetry/api';

/** Instrumentation scope name of spans made by this package's helpers. */
export const TRACER_NAME = '@proc/telemetry-tracing';

/** The API's `ProxyTracerProvider` (of this or another copy of the API): it has a delegate. */
interface DelegatingProvider extends TracerProvider {
  getDelegate(): TracerProvider;
}

function delegateOf(provider: TracerProvider): TracerProvider | undefined {
  const getDelegate = (provider as Partial<DelegatingProvider>).getDelegate;
  return typeof getDelegate === 'function' ? getDelegate.call(provider) : undefined;
}

// The tracer of the global provider last seen, and what it was got from. `getTracer()` builds a
// key string and looks it up in the SDK provider (or makes a new ProxyTracer when none is
// registered) on every call: a span's worth of work avoided per span. The API's global is one
// ProxyTracerProvider whose delegate changes when a provider is registered, and a new one after
// `trace.disable()`: both are compared on each call, so a provider registered later is used.
let lastProvider: TracerProvider | undefined;
let lastDelegate: TracerProvider | undefined;
let lastTracer: Tracer | undefined;

/** The global API's tracer, checked against the registered provider on each call. */
export function defaultTracer(): Tracer {
  const provider = trace.getTracerProvider();
  const delegate = delegateOf(provider);
  if (lastTracer === undefined || provider !== lastProvider || delegate !== lastDelegate) {
    lastTracer = provider.getTracer(TRACER_NAME);
    lastProvider = provider;
    lastDelegate = delegate;
  }
  return lastTracer;
}
