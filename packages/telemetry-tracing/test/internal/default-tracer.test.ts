import { trace } from '@opentelemetry/api';
import { defaultTracer, TRACER_NAME } from '../../src/internal/default-tracer.js';
import { createTestTracer } from '../helpers/test-tracer.js';

describe('defaultTracer', () => {
  afterEach(() => {
    trace.disable();
  });

  it('should give the same tracer while the registered provider stays', () => {
    const t = createTestTracer();
    trace.setGlobalTracerProvider(t.provider);
    expect(defaultTracer()).toBe(defaultTracer());
    expect(defaultTracer()).toBe(t.provider.getTracer(TRACER_NAME));
  });

  it('should use a provider registered after a first span, and a new one after trace.disable()', () => {
    defaultTracer().startSpan('before').end();
    const first = createTestTracer();
    trace.setGlobalTracerProvider(first.provider);
    defaultTracer().startSpan('first').end();
    trace.disable();
    const second = createTestTracer();
    trace.setGlobalTracerProvider(second.provider);
    defaultTracer().startSpan('second').end();
    expect(first.exporter.getFinishedSpans().map((s) => s.name)).toEqual(['first']);
    expect(second.exporter.getFinishedSpans().map((s) => s.name)).toEqual(['second']);
  });
});
