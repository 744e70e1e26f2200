import { diag } from '@opentelemetry/api';
import { loadConfig } from '@proc/telemetry-config';
import { withConsoleAndReceiver } from '@proc/telemetry-testing';
import { initLoggerProvider, shutdownLoggerProvider } from '../src/index.js';

describe('OTEL_LOGS_EXPORTER lists', () => {
  afterEach(() => {
    diag.disable();
  });

  it('should print every record on the console and send it over OTLP for otlp,console', () =>
    withConsoleAndReceiver(async ({ receiver, printed }) => {
      const config = loadConfig({
        env: {
          OTEL_LOGS_EXPORTER: 'otlp,console',
          OTEL_EXPORTER_OTLP_LOGS_PROTOCOL: 'grpc',
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.grpcUrl,
        },
      });
      const handle = initLoggerProvider(config.logs);
      handle.getLogger('lists').emit({ body: 'to both' });
      const report = await shutdownLoggerProvider(handle, { timeoutMillis: 5000 });

      const [received] = await receiver.waitForLogs(1, { timeoutMs: 5000 });
      expect(received).toMatchObject({ body: 'to both', protocol: 'grpc' });
      expect(printed).toEqual([expect.objectContaining({ body: 'to both' })]);
      expect(report).toMatchObject({ exported: 1, failed: 0 });
    }));
});
