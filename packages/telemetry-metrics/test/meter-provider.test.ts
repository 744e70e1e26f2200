import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { diag, metrics } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AggregationTemporality,
  type Histogram,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  type ExemplarFilterName,
  loadConfig,
  type MetricsConfig,
  TelemetryConfigError,
} from '@proc/telemetry-config';
import {
  createTestDiagLogger,
  freePort,
  type TestDiagLogger,
  waitFor,
} from '@proc/telemetry-testing';
import {
  createMetricsRecorder,
  initMeterProvider,
  type MetricsHandle,
  shutdownMeterProvider,
} from '../src/index.js';
import { createTestMetricCollector, findMetric } from './helpers/test-metric-collector.js';
import { createTestMetricsConfig } from './helpers/test-metrics-config.js';

/** A TCP server that accepts connections and never answers: a hung collector. */
async function startHungServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('initMeterProvider', () => {
  let handle: MetricsHandle | undefined;
  let logger: TestDiagLogger;

  beforeEach(() => {
    logger = createTestDiagLogger();
    logger.install();
  });

  afterEach(async () => {
    await handle?.shutdown({ timeoutMillis: 5_000 });
    handle = undefined;
    metrics.disable();
    diag.disable();
  });

  describe('initMeterProvider', () => {
    it('should not register a global meter provider', () => {
      handle = initMeterProvider(createTestMetricsConfig());
      expect(metrics.getMeterProvider()).not.toBe(handle.provider);
      createMetricsRecorder().recordCounter('global.noop');
    });

    it('should attach the given resource to every export', async () => {
      const collector = createTestMetricCollector();
      handle = initMeterProvider(
        createTestMetricsConfig(),
        resourceFromAttributes({ 'service.name': 'orders' }),
        {
          readers: [collector.reader],
        },
      );
      handle.getMeter('m').createCounter('c').add(1);
      await collector.reader.forceFlush();
      const exported = collector.exporter.getMetrics();
      expect(exported[0]?.resource.attributes).toMatchObject({ 'service.name': 'orders' });
    });

    it('should print to the console with the configured temporality', async () => {
      const dir = jest.spyOn(console, 'dir').mockImplementation(() => undefined);
      handle = initMeterProvider(
        createTestMetricsConfig({ exporter: ['console'], temporality: 'delta' }),
      );
      const counter = handle.getMeter('m').createCounter('console.counter');
      counter.add(2);
      await handle.forceFlush();
      counter.add(3);
      await handle.forceFlush();
      const values = dir.mock.calls
        .map(
          ([printed]) =>
            printed as { descriptor: { name: string }; dataPoints: { value: number }[] },
        )
        .filter((printed) => printed.descriptor.name === 'console.counter')
        .map((printed) => printed.dataPoints[0]?.value);
      expect(values).toEqual([2, 3]);
    });

    it('should create no reader when the metrics section is disabled', async () => {
      const dir = jest.spyOn(console, 'dir').mockImplementation(() => undefined);
      handle = initMeterProvider(
        createTestMetricsConfig({ exporter: ['console'], enabled: false }),
      );
      handle.getMeter('m').createCounter('disabled.counter').add(1);
      await handle.forceFlush();
      expect(dir).not.toHaveBeenCalled();
    });

    it('should warn that Prometheus ignores a delta temporality', async () => {
      handle = initMeterProvider(
        createTestMetricsConfig({
          exporter: ['prometheus'],
          temporality: 'delta',
          prometheus: { port: await freePort() },
        }),
      );
      expect(logger.texts('warn')).toContainEqual(
        expect.stringContaining("Prometheus is always cumulative; temporality 'delta'"),
      );
    });

    it('should throw for an invalid cardinality limit', () => {
      expect(() =>
        initMeterProvider(createTestMetricsConfig(), undefined, { cardinalityLimit: -1 }),
      ).toThrow(
        new RangeError(
          '@proc/telemetry-metrics: cardinalityLimit must be a positive integer, got -1',
        ),
      );
    });

    it('should throw, naming the field and the accepted values, for an unknown exemplar filter in a hand-built config', () => {
      const init = () =>
        initMeterProvider(
          createTestMetricsConfig({ exemplarFilter: 'sometimes' as ExemplarFilterName }),
        );
      expect(init).toThrow(TelemetryConfigError);
      expect(() =>
        initMeterProvider(
          createTestMetricsConfig({ exemplarFilter: 'sometimes' as ExemplarFilterName }),
        ),
      ).toThrow(
        'metrics.exemplarFilter (code): received "sometimes", expected one of: always_off, trace_based, always_on',
      );
    });

    it("should build the SDK's own provider, with no exemplar machinery, unless the OTLP or Prometheus exporter writes exemplars", async () => {
      const endpoint = `http://127.0.0.1:${await freePort()}/v1/metrics`;
      // No filter given: the default from the config package, `trace_based`.
      const otlp = (exemplarFilter?: ExemplarFilterName) =>
        createTestMetricsConfig({
          exporter: ['otlp'],
          export: { endpoint },
          ...(exemplarFilter === undefined ? {} : { exemplarFilter }),
        });
      const cases: [MetricsConfig, boolean][] = [
        [otlp(), true],
        [otlp('trace_based'), true],
        [otlp('always_on'), true],
        [otlp('always_off'), false],
        [
          loadConfig({
            env: { OTEL_METRICS_EXEMPLAR_FILTER: 'Always_Off' },
            config: { metrics: { export: { endpoint } } },
          }).metrics,
          false,
        ],
        [
          createTestMetricsConfig({
            exporter: ['prometheus'],
            prometheus: { port: await freePort() },
          }),
          true,
        ],
        [
          createTestMetricsConfig({
            exporter: ['prometheus'],
            exemplarFilter: 'always_off',
            prometheus: { port: await freePort() },
          }),
          false,
        ],
        [createTestMetricsConfig({ exporter: ['console'], exemplarFilter: 'always_on' }), false],
        [createTestMetricsConfig({ exporter: ['none'] }), false],
      ];
      for (const [config, keepsExemplars] of cases) {
        const handle = initMeterProvider(config);
        expect({
          exporter: config.exporter,
          sdkProvider: handle.provider instanceof MeterProvider,
        }).toEqual({ exporter: config.exporter, sdkProvider: !keepsExemplars });
        await handle.shutdown({ timeoutMillis: 1_000 });
      }
    });

    it('should throw a TelemetryConfigError naming the option and the path when a TLS file cannot be read', () => {
      const config = createTestMetricsConfig({
        exporter: ['otlp'],
        export: { tls: { insecure: false, certificateFile: '/nonexistent/ca.pem' } },
      });
      expect(() => initMeterProvider(config)).toThrow(TelemetryConfigError);
      expect(() => initMeterProvider(config)).toThrow(
        /metrics\.export\.tls\.certificateFile \(code\): received "\/nonexistent\/ca\.pem", expected a readable file \(ENOENT\)/,
      );
    });
  });

  describe('views', () => {
    it('should apply bucket boundaries, attribute allow-lists and drops', async () => {
      const collector = createTestMetricCollector();
      handle = initMeterProvider(createTestMetricsConfig(), undefined, {
        readers: [collector.reader],
        views: [
          { instrumentName: 'processor.processing.duration', bucketBoundaries: [0.01, 0.1, 1] },
          { instrumentName: 'processor.events.processed', attributeKeys: ['processor.event.type'] },
          { instrumentName: 'debug.*', drop: true },
        ],
      });
      const recorder = createMetricsRecorder({
        meter: handle.getMeter('views'),
        commonAttributes: { 'service.name': 'orders' },
      });
      recorder.recordHistogram('processor.processing.duration', 0.05);
      recorder.recordCounter('processor.events.processed', 1, {
        'processor.event.type': 'a',
        'messaging.destination.partition.id': '1',
      });
      recorder.recordCounter('processor.events.processed', 1, {
        'processor.event.type': 'a',
        'messaging.destination.partition.id': '2',
      });
      recorder.recordCounter('debug.counter', 1);
      const collected = await collector.collect();

      const histogram = findMetric(collected, 'processor.processing.duration').dataPoints[0]
        ?.value as Histogram;
      expect(histogram.buckets).toEqual({ boundaries: [0.01, 0.1, 1], counts: [0, 1, 0, 0] });
      const processed = findMetric(collected, 'processor.events.processed');
      expect(processed.dataPoints.map((p) => [p.attributes, p.value])).toEqual([
        [{ 'processor.event.type': 'a' }, 2],
      ]);
      expect(collected.map((m) => m.descriptor.name)).not.toContain('debug.counter');
    });

    it('should keep 10,000 distinct attribute values within the limit plus one overflow series', async () => {
      const collector = createTestMetricCollector(AggregationTemporality.DELTA);
      handle = initMeterProvider(createTestMetricsConfig(), undefined, {
        readers: [collector.reader],
        views: [{ instrumentName: 'events.by.user', cardinalityLimit: 100 }],
      });
      const recorder = createMetricsRecorder({ meter: handle.getMeter('cardinality') });
      for (let i = 0; i < 10_000; i++) {
        recorder.recordCounter('events.by.user', 1, { 'user.id': `user-${i}` });
      }
      const points = findMetric(await collector.collect(), 'events.by.user').dataPoints;
      expect(points.length).toBeLessThanOrEqual(101);
      const overflow = points.filter((p) => p.attributes['otel.metric.overflow'] === true);
      expect(overflow).toHaveLength(1);
      // Nothing is lost: the overflow series holds every measurement that found no room.
      expect(points.reduce((sum, p) => sum + (p.value as number), 0)).toBe(10_000);
    });

    it('should apply the provider-wide cardinality limit to instruments without a view', async () => {
      const dir = jest.spyOn(console, 'dir').mockImplementation(() => undefined);
      handle = initMeterProvider(createTestMetricsConfig({ exporter: ['console'] }), undefined, {
        cardinalityLimit: 10,
      });
      const counter = handle.getMeter('m').createCounter('wide.counter');
      for (let i = 0; i < 10_000; i++) counter.add(1, { i });
      await handle.forceFlush();
      const printed = dir.mock.calls
        .map(([p]) => p as { descriptor: { name: string }; dataPoints: { attributes: object }[] })
        .find((p) => p.descriptor.name === 'wide.counter');
      expect(printed?.dataPoints.length).toBeLessThanOrEqual(11);
      expect(printed?.dataPoints).toContainEqual(
        expect.objectContaining({ attributes: { 'otel.metric.overflow': true } }),
      );
    });
  });

  describe('shutdownMeterProvider', () => {
    it('should export what was recorded just before shutting down', async () => {
      const collector = createTestMetricCollector();
      handle = initMeterProvider(createTestMetricsConfig(), undefined, {
        readers: [collector.reader],
      });
      handle.getMeter('m').createCounter('last.counter').add(7);
      await shutdownMeterProvider(handle);
      const exported = collector.exporter
        .getMetrics()
        .flatMap((rm) => rm.scopeMetrics.flatMap((sm) => sm.metrics));
      expect(findMetric(exported, 'last.counter').dataPoints[0]?.value).toBe(7);
    });

    it('should warn and resolve on a second call', async () => {
      handle = initMeterProvider(createTestMetricsConfig());
      await shutdownMeterProvider(handle);
      await shutdownMeterProvider(handle);
      expect(logger.texts('warn')).toContainEqual(
        expect.stringContaining('shutdown() called more than once'),
      );
    });

    it.each([Number.NaN, -1, 0])(
      'should warn, naming timeoutMillis, and wait the configured exportTimeoutMillis when given %p (regression: a bad timeoutMillis abandoned the final export)',
      async (timeoutMillis) => {
        const exported: number[] = [];
        const slowExporter = {
          export(_metrics: unknown, done: (result: { code: number }) => void) {
            setTimeout(() => {
              exported.push(1);
              done({ code: 0 });
            }, 50);
          },
          forceFlush: () => Promise.resolve(),
          shutdown: () => Promise.resolve(),
        };
        handle = initMeterProvider(createTestMetricsConfig(), undefined, {
          readers: [
            new PeriodicExportingMetricReader({
              exporter: slowExporter,
              exportIntervalMillis: 3_600_000,
            }),
          ],
        });
        handle.getMeter('m').createCounter('last.counter').add(1);
        await shutdownMeterProvider(handle, { timeoutMillis });
        expect(exported).toHaveLength(1);
        expect(logger.texts('warn')).toContainEqual(
          expect.stringContaining(
            `shutdown: timeoutMillis must be a finite number > 0, got ${String(timeoutMillis)}`,
          ),
        );
      },
    );

    it('should resolve by the deadline when the collector never answers', async () => {
      const hung = await startHungServer();
      try {
        handle = initMeterProvider(
          createTestMetricsConfig({
            exporter: ['otlp'],
            exportTimeoutMillis: 1_000,
            export: { endpoint: hung.url, protocol: 'http/protobuf', timeoutMillis: 1_000 },
          }),
        );
        handle.getMeter('m').createCounter('hung.counter').add(1);
        await shutdownMeterProvider(handle, { timeoutMillis: 300 });
        expect(logger.texts('warn')).toContainEqual(
          expect.stringContaining('shutdown() did not finish within 300 ms'),
        );
        // The abandoned export goes on in the background until its own timeout; wait for that
        // before closing the server, so that nothing outlives the test.
        await waitFor(
          'the abandoned export to time out',
          () => logger.texts('error').some((text) => text.includes('metrics export timed out')),
          { timeoutMs: 10_000 },
        );
      } finally {
        await hung.close();
      }
    });
  });

  describe('forceFlush', () => {
    it('should resolve and report through diag when the collector is down', async () => {
      const port = await freePort();
      handle = initMeterProvider(
        createTestMetricsConfig({
          exporter: ['otlp'],
          export: {
            endpoint: `http://127.0.0.1:${port}/v1/metrics`,
            protocol: 'http/json',
            timeoutMillis: 2_000,
          },
        }),
      );
      handle.getMeter('m').createCounter('down.counter').add(1);
      await expect(handle.forceFlush({ timeoutMillis: 5_000 })).resolves.toBeUndefined();
      expect([...logger.texts('warn'), ...logger.texts('error')].join('\n')).toMatch(
        /metrics: export failed \(.*ECONNREFUSED.*\); retrying/,
      );
    });
  });
});
