import { diag, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { getBaggage, setBaggage } from '../src/baggage.js';
import { createPropagator } from '../src/create-propagator.js';
import { extractContext } from '../src/extract-context.js';
import { injectContext } from '../src/inject-context.js';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const SPAN_ID = 'b7ad6b7169203331';
const ctx = setBaggage(
  trace.setSpanContext(ROOT_CONTEXT, { traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 1 }),
  { user: 'ann' },
);

describe('createPropagator', () => {
  afterEach(() => {
    propagation.disable();
    diag.disable();
  });

  it.each([
    [['tracecontext'], ['traceparent']],
    [['baggage'], ['baggage']],
    [['b3'], ['b3']],
    [['b3multi'], ['x-b3-traceid', 'x-b3-spanid', 'x-b3-sampled']],
    [['jaeger'], ['uber-trace-id', 'uberctx-user']],
    [
      ['tracecontext', 'baggage'],
      ['traceparent', 'baggage'],
    ],
    [['none'], []],
    [[], []],
  ] as const)('should inject %j as the headers %j', (names, headers) => {
    const carrier = injectContext({}, ctx, { propagator: createPropagator(names) });
    expect(Object.keys(carrier).sort()).toEqual([...headers].sort());
  });

  it.each(['tracecontext', 'b3', 'b3multi', 'jaeger'] as const)(
    'should round-trip the span context with %s',
    (name) => {
      const propagator = createPropagator([name]);
      const carrier = injectContext({}, ctx, { propagator });
      const back = trace.getSpanContext(extractContext(carrier, ROOT_CONTEXT, { propagator }));
      expect(back).toMatchObject({
        traceId: TRACE_ID,
        spanId: SPAN_ID,
        traceFlags: 1,
        isRemote: true,
      });
    },
  );

  it('should round-trip baggage with the baggage propagator', () => {
    const propagator = createPropagator(['tracecontext', 'baggage']);
    const back = extractContext(injectContext({}, ctx, { propagator }), ROOT_CONTEXT, {
      propagator,
    });
    expect(getBaggage(back)).toEqual([{ key: 'user', value: 'ann' }]);
  });

  it('should compose in the configured order: the later one wins on extraction', () => {
    const carrier = {
      traceparent: `00-${TRACE_ID}-${SPAN_ID}-01`,
      b3: `${'1'.repeat(32)}-${'2'.repeat(16)}-1`,
    };
    const w3cLast = extractContext(carrier, ROOT_CONTEXT, {
      propagator: createPropagator(['b3', 'tracecontext']),
    });
    const b3Last = extractContext(carrier, ROOT_CONTEXT, {
      propagator: createPropagator(['tracecontext', 'b3']),
    });
    expect(trace.getSpanContext(w3cLast)?.traceId).toBe(TRACE_ID);
    expect(trace.getSpanContext(b3Last)?.traceId).toBe('1'.repeat(32));
  });

  it('should not register a global propagator', () => {
    createPropagator(['tracecontext']);
    expect(propagation.fields()).toEqual([]);
  });

  it('should warn and ignore none next to other propagators', () => {
    const logger = installTestDiagLogger();
    const carrier = injectContext({}, ctx, {
      propagator: createPropagator(['none', 'tracecontext']),
    });
    expect(Object.keys(carrier)).toEqual(['traceparent']);
    expect(logger.texts('warn')).toEqual([
      '@proc/telemetry-context propagator "none" is ignored next to other propagators',
    ]);
  });

  it('should throw on an unknown name, listing the accepted ones', () => {
    expect(() => createPropagator(['xray' as never])).toThrow(
      'unknown propagator "xray"; accepted: tracecontext, baggage, b3, b3multi, jaeger, none',
    );
  });
});
