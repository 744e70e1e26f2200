// runExportBurst with the SDK's own pipeline (BatchSpanProcessor and its OTLP exporters): the
// burst goes out over the wire to the receiver the helper starts, and the receiver is gone after.
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { type BurstPipeline, type OtlpReceiver, runExportBurst } from '../src/index.js';
import { PROTOCOLS } from './helpers/otlp.js';
import { traceExporter } from './helpers/trace-exporter.js';

interface SdkPipeline {
  provider: BasicTracerProvider;
  receiver: OtlpReceiver;
  queue: { readonly maxQueueBytes?: number };
  ended: number;
}

const pipeline: BurstPipeline<SdkPipeline, { ended: number }, string> = {
  start: (receiver, protocol, queue) => ({
    provider: new BasicTracerProvider({
      spanProcessors: [new BatchSpanProcessor(traceExporter(protocol, receiver))],
    }),
    receiver,
    queue,
    ended: 0,
  }),
  emit: (sdk, count) => {
    const tracer = sdk.provider.getTracer('burst');
    for (let i = 0; i < count; i++) {
      tracer.startSpan('burst').end();
      sdk.ended++;
    }
  },
  counts: (sdk) => ({ ended: sdk.ended }),
  shutdown: async (sdk, timeoutMillis) => {
    await sdk.provider.shutdown();
    return `shut down within ${timeoutMillis} ms`;
  },
  received: (receiver) => receiver.spans({ name: 'burst' }).length,
};

describe('runExportBurst', () => {
  describe('runExportBurst()', () => {
    it.each(PROTOCOLS)(
      'should send the burst over %s to its own receiver and stop it after',
      async (protocol) => {
        let started: SdkPipeline | undefined;
        const outcome = await runExportBurst(
          {
            ...pipeline,
            start: (...args) => {
              started = pipeline.start(...args);
              return started;
            },
          },
          { protocol, made: 300, shutdownTimeoutMillis: 10_000 },
        );
        expect(outcome).toEqual({
          held: { ended: 300 },
          report: 'shut down within 10000 ms',
          counts: { ended: 300 },
          received: 300,
        });
        // The default budget overrides nothing: no maxQueueBytes key at all.
        expect(started?.queue).toEqual({});
        await expect(fetch(`${started?.receiver.httpUrl}/v1/traces`)).rejects.toThrow();
      },
    );

    it('should pass a given budget to the pipeline', async () => {
      let queue: SdkPipeline['queue'] | undefined;
      await runExportBurst(
        {
          ...pipeline,
          start: (...args) => {
            queue = args[2];
            return pipeline.start(...args);
          },
        },
        { protocol: 'http/protobuf', made: 1, maxQueueBytes: 4096, shutdownTimeoutMillis: 10_000 },
      );
      expect(queue).toEqual({ maxQueueBytes: 4096 });
    });
  });
});
