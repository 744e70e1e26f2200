import { diag, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { type ConfigWarning, loadConfig } from '@proc/telemetry-config';
import { type OtlpReceiver, startOtlpReceiver } from '@proc/telemetry-testing';
import { initTracerProvider, shutdownTracerProvider } from '../src/index.js';

// Issue 14, "found on the wire": OTEL_EXPORTER_OTLP_ENDPOINT=127.0.0.1:4317 with protocol grpc
// and OTEL_EXPORTER_OTLP_INSECURE=true was rejected with a warning, and the spans silently went
// to http://localhost:4317. The OTLP exporter specification allows a gRPC endpoint without a
// scheme; `insecure` decides plain text.

describe('OTLP/gRPC endpoint without scheme', () => {
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });

  afterAll(async () => {
    await receiver.stop();
  });

  afterEach(() => {
    trace.disable();
    diag.disable();
  });

  it('should deliver a span to host:port in plain text when OTEL_EXPORTER_OTLP_INSECURE=true', async () => {
    const warnings: ConfigWarning[] = [];
    const config = loadConfig({
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: `127.0.0.1:${receiver.grpcPort}`,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
        OTEL_EXPORTER_OTLP_INSECURE: 'true',
        OTEL_TRACES_SAMPLER: 'always_on',
      },
      onWarning: (warning) => warnings.push(warning),
    });
    expect(warnings).toEqual([]);

    const handle = initTracerProvider(
      config.traces,
      resourceFromAttributes({ 'service.name': 'scheme-less' }),
    );
    handle.provider.getTracer('wire-test').startSpan('sent-to-host-port').end();
    await shutdownTracerProvider(handle, { timeoutMillis: 5000 });

    const spans = await receiver.waitForSpans(1, { name: 'sent-to-host-port' });
    expect(spans.map((span) => span.resource['service.name'])).toEqual(['scheme-less']);
    expect(receiver.stats().grpc.requests).toBe(1);
  });
});
