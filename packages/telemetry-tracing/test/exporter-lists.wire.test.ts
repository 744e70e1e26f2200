import { diag, trace } from '@opentelemetry/api';
import { loadConfig } from '@proc/telemetry-config';
import { withConsoleAndReceiver } from '@proc/telemetry-testing';
import { initTracerProvider, shutdownTracerProvider } from '../src/index.js';

describe('OTEL_TRACES_EXPORTER lists', () => {
  afterEach(() => {
    trace.disable();
    diag.disable();
  });

  it('should print every span on the console and send it over OTLP for console,otlp', () =>
    withConsoleAndReceiver(async ({ receiver, printed }) => {
      const config = loadConfig({
        env: {
          OTEL_TRACES_EXPORTER: 'console,otlp',
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
          OTEL_BSP_SCHEDULE_DELAY: '50',
        },
      });
      const handle = initTracerProvider(config.traces);
      const span = handle.getTracer('lists').startSpan('to-both');
      const { traceId, spanId } = span.spanContext();
      span.end();
      const report = await shutdownTracerProvider(handle, { timeoutMillis: 5000 });

      const [received] = await receiver.waitForSpans(1, { timeoutMs: 5000 });
      expect(received).toMatchObject({
        name: 'to-both',
        traceId,
        spanId,
        protocol: 'http/protobuf',
      });
      expect(printed).toEqual([expect.objectContaining({ name: 'to-both', traceId, id: spanId })]);
      // The report is the OTLP exporter's, which is listed second.
      expect(report).toMatchObject({ exported: 1, failed: 0 });
    }));

  it('should send nothing and print nothing for none', () =>
    withConsoleAndReceiver(async ({ receiver, printed }) => {
      const config = loadConfig({
        env: { OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl },
      });
      const handle = initTracerProvider(config.traces);
      handle.getTracer('lists').startSpan('nowhere').end();
      expect(await shutdownTracerProvider(handle, { timeoutMillis: 5000 })).toBeUndefined();
      expect(receiver.spans()).toEqual([]);
      expect(printed).toEqual([]);
    }));
});
