import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';

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
