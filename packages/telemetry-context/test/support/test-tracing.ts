import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { type OtlpReceiver, startOtlpReceiver } from '@proc/telemetry-testing';

/** A tracer provider of one service exporting over OTLP/HTTP to the test receiver. */
export function createTestTracerProvider(
  serviceName: string,
  httpUrl: string,
): BasicTracerProvider {
  return new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [
      new SimpleSpanProcessor(new OTLPTraceExporter({ url: `${httpUrl}/v1/traces` })),
    ],
  });
}

/** An HTTP server on 127.0.0.1 with an ephemeral port. */
export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(listener: RequestListener): Promise<TestServer> {
  const server: Server = createServer(listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** A receiver with a producer and a consumer service exporting to it. */
export interface TestPipeline {
  receiver: OtlpReceiver;
  producer: BasicTracerProvider;
  consumer: BasicTracerProvider;
}

/**
 * Starts a {@link TestPipeline} before the tests of the calling `describe`, clears the receiver
 * after each and stops everything (and resets the API globals) after the last one.
 */
export function useTestPipeline(): TestPipeline {
  const pipeline = {} as TestPipeline;
  beforeAll(async () => {
    pipeline.receiver = await startOtlpReceiver();
    pipeline.producer = createTestTracerProvider('producer', pipeline.receiver.httpUrl);
    pipeline.consumer = createTestTracerProvider('consumer', pipeline.receiver.httpUrl);
  });
  afterEach(() => {
    pipeline.receiver.clear();
  });
  afterAll(async () => {
    await pipeline.producer.shutdown();
    await pipeline.consumer.shutdown();
    await pipeline.receiver.stop();
    context.disable();
    propagation.disable();
    trace.disable();
  });
  return pipeline;
}
