import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DiagLogLevel, trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { initTelemetry, TelemetryConfigError, type TelemetryProviders } from '../src/index.js';
import { contextSurvivesAwait, globalTracerRecords, registeredGlobals } from './helpers/globals.js';
import { resetGlobals } from './helpers/reset-globals.js';

/** No network: both exporters off, so only in-process behaviour is observed. */
const OFFLINE_ENV = {
  OTEL_SERVICE_NAME: 'unit-test',
  OTEL_TRACES_EXPORTER: 'none',
  OTEL_METRICS_EXPORTER: 'none',
  OTEL_TRACES_SAMPLER: 'always_on',
};

describe('initTelemetry', () => {
  let telemetry: TelemetryProviders | undefined;

  async function start(
    options: Parameters<typeof initTelemetry>[0] = {},
  ): Promise<TelemetryProviders> {
    telemetry = await initTelemetry({ env: OFFLINE_ENV, ...options });
    return telemetry;
  }

  afterEach(async () => {
    await telemetry?.shutdown();
    telemetry = undefined;
    resetGlobals();
  });

  describe('initTelemetry', () => {
    it('should register the tracer, meter and logger providers, propagator and context manager', async () => {
      installTestDiagLogger();
      expect(registeredGlobals()).toEqual(['diag']);

      await start();

      expect(registeredGlobals()).toEqual([
        'trace',
        'metrics',
        'propagation',
        'context',
        'diag',
        'logs',
      ]);
      expect(globalTracerRecords()).toBe(true);
      await expect(contextSurvivesAwait()).resolves.toBe(true);
    });

    it('should reject with a TelemetryConfigError listing every problem and register nothing', async () => {
      const attempt = initTelemetry({
        env: OFFLINE_ENV,
        config: { traces: { sampler: { ratio: 2 } }, metrics: { exportIntervalMillis: -1 } },
      });

      await expect(attempt).rejects.toThrow(TelemetryConfigError);
      const error = (await attempt.catch((e: unknown) => e)) as TelemetryConfigError;
      expect(error.issues.map((issue) => issue.path)).toEqual([
        'traces.sampler.ratio',
        'metrics.exportIntervalMillis',
      ]);
      expect(error.message).toMatch(/2 problems/);
      expect(registeredGlobals()).toEqual([]);

      // A failed init does not count: the next one starts afresh.
      await start();
      expect(globalTracerRecords()).toBe(true);
    });

    it('should reject with a TelemetryConfigError naming the problems of a config file', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'telemetry-'));
      const file = path.join(dir, 'telemetry.yaml');
      writeFileSync(
        file,
        'traces:\n  sampler:\n    type: sometimes\npropagators: [smoke-signals]\n',
      );
      try {
        const error = await initTelemetry({ env: OFFLINE_ENV, file }).catch((e: unknown) => e);

        expect(error).toBeInstanceOf(TelemetryConfigError);
        const issues = (error as TelemetryConfigError).issues;
        expect(issues.map((issue) => [issue.path, issue.source])).toEqual([
          ['traces.sampler.type', 'file'],
          ['propagators.0', 'file'],
        ]);
        expect(registeredGlobals()).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('should reject processor options without a name and leave nothing registered', async () => {
      await expect(start({ processor: { name: '' } })).rejects.toThrow(TypeError);
      expect(registeredGlobals()).toEqual([]);
    });

    it('should warn and return the first instance when called again', async () => {
      const logger = installTestDiagLogger();
      const first = await start();

      const second = await initTelemetry({ env: { OTEL_SERVICE_NAME: 'other' } });

      expect(second).toBe(first);
      expect(second.config.service.name).toBe('unit-test');
      expect(logger.has('warn', /initTelemetry\(\) was already called/)).toBe(true);
    });

    it('should return no-op providers and register nothing when OTEL_SDK_DISABLED=true', async () => {
      const t = await start({ env: { ...OFFLINE_ENV, OTEL_SDK_DISABLED: 'true' } });

      expect(t.config.disabled).toBe(true);
      expect(registeredGlobals()).toEqual([]);
      const span = t.tracer().startSpan('nothing');
      expect(span.isRecording()).toBe(false);
      span.end();
      expect(() => t.meter().createCounter('c').add(1)).not.toThrow();
      expect(() => t.setSamplingRatio(0.5)).not.toThrow();
      expect(() => t.setSamplingRatio(2)).toThrow(RangeError);
      expect(t.resource.attributes['service.name']).toBe('unit-test');
      await expect(t.forceFlush()).resolves.toBeUndefined();
    });

    it('should run only the resource detectors OTEL_NODE_RESOURCE_DETECTORS names', async () => {
      const t = await start({ env: { ...OFFLINE_ENV, OTEL_NODE_RESOURCE_DETECTORS: 'host' } });
      expect(t.resource.attributes['host.name']).toEqual(expect.any(String));
      expect(t.resource.attributes['process.pid']).toBeUndefined();
      expect(t.resource.attributes['service.instance.id']).toEqual(expect.any(String));
    });

    it('should run no resource detector for OTEL_NODE_RESOURCE_DETECTORS=none', async () => {
      const t = await start({ env: { ...OFFLINE_ENV, OTEL_NODE_RESOURCE_DETECTORS: 'none' } });
      expect(t.resource.attributes['host.name']).toBeUndefined();
      expect(t.resource.attributes['service.name']).toBe('unit-test');
    });

    it('should keep a diag logger the app registered and report through it', async () => {
      const logger = installTestDiagLogger({ logLevel: DiagLogLevel.WARN });
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

      await start({ env: { ...OFFLINE_ENV, OTEL_BSP_MAX_QUEUE_SIZE: 'many' } });

      expect(logger.has('warn', /OTEL_BSP_MAX_QUEUE_SIZE/)).toBe(true);
      expect(warn).not.toHaveBeenCalled();
    });

    it('should register a diag logger when none is registered, and remove it on shutdown', async () => {
      const t = await start({ env: { ...OFFLINE_ENV, OTEL_LOG_LEVEL: 'warn' } });

      expect(registeredGlobals()).toContain('diag');
      await t.shutdown();
      expect(registeredGlobals()).toEqual([]);
    });

    it('should register no diag logger when OTEL_LOG_LEVEL=none', async () => {
      await start({ env: { ...OFFLINE_ENV, OTEL_LOG_LEVEL: 'none' } });

      expect(registeredGlobals()).not.toContain('diag');
    });

    it('should keep a global another SDK registered, warn, and leave it registered on shutdown', async () => {
      const logger = installTestDiagLogger();
      const theirs = new BasicTracerProvider();
      trace.setGlobalTracerProvider(theirs);

      const t = await start();

      expect(logger.has('warn', /a global tracer provider was already registered/)).toBe(true);
      expect(t.tracer().startSpan('ours').isRecording()).toBe(true);
      await t.shutdown();
      expect(registeredGlobals()).toEqual(['trace', 'diag']);
      expect(
        (trace.getTracerProvider() as unknown as { getDelegate(): unknown }).getDelegate(),
      ).toBe(theirs);
    });

    it('should reject a shutdownTimeoutMillis that is not a positive number', async () => {
      await expect(start({ shutdownTimeoutMillis: 0 })).rejects.toThrow(RangeError);
      expect(registeredGlobals()).toEqual([]);
    });

    it('should reject an uncatchable signal before registering anything', async () => {
      await expect(start({ shutdownOnSignals: ['SIGKILL'] })).rejects.toThrow(TypeError);
      expect(registeredGlobals()).toEqual([]);
      expect(process.listenerCount('SIGKILL')).toBe(0);
    });

    it('should add no signal listeners unless shutdownOnSignals is set', async () => {
      const before = process.listenerCount('SIGTERM');

      await start();

      expect(process.listenerCount('SIGTERM')).toBe(before);
    });
  });

  describe('tracer', () => {
    it('should name the scope after the service by default and feed the extra span processors', async () => {
      const exporter = new InMemorySpanExporter();
      const t = await start({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

      t.tracer().startSpan('a').end();
      t.tracer('lib', '1.0.0').startSpan('b').end();

      expect(
        exporter.getFinishedSpans().map((span) => [span.name, span.instrumentationScope]),
      ).toEqual([
        ['a', expect.objectContaining({ name: 'unit-test' })],
        ['b', expect.objectContaining({ name: 'lib', version: '1.0.0' })],
      ]);
    });
  });

  describe('idGenerator', () => {
    it('should make the span ids with the generator given', async () => {
      const exporter = new InMemorySpanExporter();
      let n = 0;
      const t = await start({
        spanProcessors: [new SimpleSpanProcessor(exporter)],
        idGenerator: {
          generateTraceId: () => `5759e988bd862e3fe1be46a994272793`,
          generateSpanId: () => `53995c3f42cd8ad${++n}`,
        },
      });

      t.tracer().startSpan('a').end();

      expect(exporter.getFinishedSpans()[0]?.spanContext()).toMatchObject({
        traceId: '5759e988bd862e3fe1be46a994272793',
        spanId: '53995c3f42cd8ad1',
      });
    });
  });

  describe('setSamplingRatio', () => {
    it('should change the sampling of new root spans and reject ratios outside 0..1', async () => {
      const t = await start();

      t.setSamplingRatio(0);
      expect(t.tracer().startSpan('dropped').isRecording()).toBe(false);
      t.setSamplingRatio(1);
      expect(t.tracer().startSpan('kept').isRecording()).toBe(true);
      expect(() => t.setSamplingRatio(1.5)).toThrow(RangeError);
    });
  });

  describe('shutdown', () => {
    it('should unregister the globals so initTelemetry() can run again', async () => {
      installTestDiagLogger();
      const first = await start();

      await first.shutdown();

      expect(registeredGlobals()).toEqual(['diag']);
      expect(globalTracerRecords()).toBe(false);
      await expect(contextSurvivesAwait()).resolves.toBe(false);
      const second = await start();
      expect(second).not.toBe(first);
      expect(globalTracerRecords()).toBe(true);
    });

    it('should warn and return the same promise when called twice', async () => {
      const logger = installTestDiagLogger();
      const t = await start();

      const first = t.shutdown();
      const second = t.shutdown();

      expect(second).toBe(first);
      await first;
      expect(logger.has('warn', /shutdown\(\) called more than once/)).toBe(true);
    });

    it('should never reject, even with an unusable timeout', async () => {
      const logger = installTestDiagLogger();
      const t = await start();

      await expect(t.shutdown({ timeoutMillis: -1 })).resolves.toMatchObject({
        deadlineHit: false,
      });
      expect(logger.has('warn', /timeoutMillis must be a finite number > 0/)).toBe(true);
    });
  });

  describe('forceFlush', () => {
    it('should warn and do nothing after shutdown', async () => {
      const logger = installTestDiagLogger();
      const t = await start();
      await t.shutdown();

      await expect(t.forceFlush()).resolves.toBeUndefined();
      expect(logger.has('warn', /forceFlush\(\) after shutdown\(\)/)).toBe(true);
    });
  });
});
