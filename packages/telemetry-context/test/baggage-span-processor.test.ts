import { context, propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { setBaggage } from '../src/baggage.js';
import { createBaggageSpanProcessor } from '../src/baggage-span-processor.js';

describe('createBaggageSpanProcessor', () => {
  let provider: BasicTracerProvider | undefined;

  afterEach(async () => {
    await provider?.shutdown();
    context.disable();
    propagation.disable();
  });

  describe('onStart', () => {
    it('should copy only the allowed baggage keys onto the span', () => {
      const exporter = new InMemorySpanExporter();
      provider = new BasicTracerProvider({
        spanProcessors: [
          createBaggageSpanProcessor({ keys: ['tenant', 'absent'], attributePrefix: 'baggage.' }),
          new SimpleSpanProcessor(exporter),
        ],
      });
      const ctx = setBaggage(ROOT_CONTEXT, { tenant: 'acme', secret: 'token' });
      provider.getTracer('t').startSpan('work', {}, ctx).end();
      const [span] = exporter.getFinishedSpans();
      expect(span?.attributes).toEqual({ 'baggage.tenant': 'acme' });
    });
  });

  it('should throw without keys', () => {
    expect(() => createBaggageSpanProcessor({ keys: [] })).toThrow('non-empty `keys` allow-list');
  });
});
