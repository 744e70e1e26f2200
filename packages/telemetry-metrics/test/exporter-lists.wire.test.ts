import { diag, metrics } from '@opentelemetry/api';
import { loadConfig } from '@proc/telemetry-config';
import { withConsoleAndReceiver } from '@proc/telemetry-testing';
import { initMeterProvider, shutdownMeterProvider } from '../src/index.js';

describe('OTEL_METRICS_EXPORTER lists', () => {
  afterEach(() => {
    metrics.disable();
    diag.disable();
  });

  it('should print every metric on the console and push it over OTLP for console,otlp', () =>
    withConsoleAndReceiver(async ({ receiver, printed }) => {
      const config = loadConfig({
        env: {
          OTEL_METRICS_EXPORTER: 'console,otlp',
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
        },
      });
      const handle = initMeterProvider(config.metrics);
      handle.getMeter('lists').createCounter('lists.events').add(3);
      const report = await shutdownMeterProvider(handle, { timeoutMillis: 5000 });

      const points = await receiver.waitForMetric('lists.events', { timeoutMs: 5000 });
      expect(points.map((point) => point.value)).toEqual([3]);
      expect(printed.map((item) => (item.descriptor as { name?: string }).name)).toContain(
        'lists.events',
      );
      expect(report).toMatchObject({ exported: 1, failed: 0 });
    }));
});
