import { trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startOtlpReceiver } from '@proc/telemetry-testing';

const receiver = await startOtlpReceiver(); // OTLP/HTTP and gRPC on 127.0.0.1, free ports
const provider = new BasicTracerProvider({
  spanProcessors: [
    new SimpleSpanProcessor(new OTLPTraceExporter({ url: `${receiver.httpUrl}/v1/traces` })),
  ],
});
trace.setGlobalTracerProvider(provider);

trace.getTracer('example').startSpan('checkout').end();

const [span] = await receiver.waitForSpans(1, { name: 'checkout' });
console.log('received', span.name, 'trace', span.traceId);
await provider.shutdown();
await receiver.stop();
