import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { createContextManager } from '../src/context-manager.js';
import { currentTraceIds } from '../src/trace-ids.js';

describe('currentTraceIds', () => {
  beforeEach(() => {
    context.setGlobalContextManager(createContextManager());
  });

  afterEach(() => {
    context.disable();
  });

  it('should give the ids of the active span', () => {
    const ctx = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      traceFlags: 1,
    });
    expect(context.with(ctx, currentTraceIds)).toEqual({
      trace_id: '0af7651916cd43dd8448eb211c80319c',
      span_id: 'b7ad6b7169203331',
      trace_flags: '01',
    });
  });

  it('should give {} without a valid span', () => {
    expect(currentTraceIds()).toEqual({});
    const invalid = trace.setSpanContext(
      ROOT_CONTEXT,
      trace
        .wrapSpanContext({
          traceId: '0'.repeat(32),
          spanId: '0'.repeat(16),
          traceFlags: 0,
        })
        .spanContext(),
    );
    expect(context.with(invalid, currentTraceIds)).toEqual({});
  });

  it('should work as a logger mixin that receives arguments', () => {
    const mixin: (mergeObject: object, level: number) => object = currentTraceIds;
    expect(mixin({}, 30)).toEqual({});
  });
});
