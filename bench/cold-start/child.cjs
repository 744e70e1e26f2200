// One cold start, in its own process: `node child.cjs <setup> <mode>`. `import` only requires
// the set-up's entry modules; `start` also starts the SDK, ends one span and shuts down (which
// exports it to OTEL_EXPORTER_OTLP_ENDPOINT). Prints one JSON line: times in milliseconds from
// this script's first line (required, started, first span ended, shut down), how many modules
// `require` loaded, and the CPU time (user + system) the process used since it started, Node's
// own start-up included.
const t0 = process.hrtime.bigint();
const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const [setup, mode] = process.argv.slice(2);

const SETUPS = {
  // @proc/telemetry: initTelemetry() from the OTEL_* variables.
  ours: {
    load: () => require('@proc/telemetry'),
    start: async ({ initTelemetry }) => {
      const telemetry = await initTelemetry();
      return { tracer: telemetry.tracer('cold-start'), stop: () => telemetry.shutdown() };
    },
  },
  // The same with its configuration in code, as the quick starts write it: checking code options
  // loads zod at start (an OTEL_*-only start never does).
  'ours-code-config': {
    load: () => require('@proc/telemetry'),
    start: async ({ initTelemetry }) => {
      const telemetry = await initTelemetry({ config: { service: { name: 'cold-start' } } });
      return { tracer: telemetry.tracer('cold-start'), stop: () => telemetry.shutdown() };
    },
  },
  // The same, plus what it loaded at import before gRPC, yaml, zod, the instrumentations, the
  // Prometheus exporter and the B3/Jaeger propagators were loaded on demand: the before/after of
  // the lazy loading (not of the bundled builds, which it loads too).
  'ours-eager': {
    load: () => {
      const { createRequire } = require('node:module');
      const fromGrpcExporter = createRequire(
        require.resolve('@opentelemetry/exporter-trace-otlp-grpc'),
      );
      fromGrpcExporter('@opentelemetry/otlp-grpc-exporter-base');
      const fromConfig = createRequire(require.resolve('@proc/telemetry-config'));
      fromConfig('yaml');
      fromConfig('zod');
      const fromInstrumentations = createRequire(
        require.resolve('@proc/telemetry-instrumentations'),
      );
      for (const name of ['http', 'undici', 'kafkajs', 'pino', 'runtime-node']) {
        fromInstrumentations(`@opentelemetry/instrumentation-${name}`);
      }
      createRequire(require.resolve('@proc/telemetry-metrics'))(
        '@opentelemetry/exporter-prometheus',
      );
      const fromContext = createRequire(require.resolve('@proc/telemetry-context'));
      fromContext('@opentelemetry/propagator-b3');
      fromContext('@opentelemetry/propagator-jaeger');
      return require('@proc/telemetry');
    },
    start: (loaded) => SETUPS.ours.start(loaded),
  },
  // @proc/telemetry of another checkout (BENCH_COLD_START_BASELINE=<its root>, built and
  // installed there), e.g. main's: the before/after of a change, in the same interleaved run.
  baseline: {
    load: () => {
      const { createRequire } = require('node:module');
      const path = require('node:path');
      const dir = process.env.BENCH_COLD_START_BASELINE;
      if (!dir) throw new Error('@proc/bench: the baseline set-up needs BENCH_COLD_START_BASELINE');
      return createRequire(path.join(dir, 'bench', 'child.cjs'))('@proc/telemetry');
    },
    start: (loaded) => SETUPS.ours.start(loaded),
  },
  // NodeSDK from the same variables (traces, metrics and logs over OTLP), no instrumentations.
  'node-sdk': {
    load: () => require('@opentelemetry/sdk-node'),
    start: async ({ NodeSDK }) => {
      const sdk = new NodeSDK({ instrumentations: [] });
      sdk.start();
      const { trace } = require('@opentelemetry/api');
      return { tracer: trace.getTracer('cold-start'), stop: () => sdk.shutdown() };
    },
  },
  // The raw SDK set up by hand, traces only: a tracer provider with a batch processor and the
  // OTLP/protobuf exporter, nothing else (one signal, no resource detection, no globals: the
  // floor, and the baseline).
  raw: {
    load: () => ({
      base: require('@opentelemetry/sdk-trace-base'),
      exporter: require('@opentelemetry/exporter-trace-otlp-proto'),
    }),
    start: async ({ base, exporter }) => {
      const url = `${process.env.OTEL_EXPORTER_OTLP_ENDPOINT}/v1/traces`;
      const provider = new base.BasicTracerProvider({
        spanProcessors: [new base.BatchSpanProcessor(new exporter.OTLPTraceExporter({ url }))],
      });
      return { tracer: provider.getTracer('cold-start'), stop: () => provider.shutdown() };
    },
  },
  // The raw SDK set up by hand for what initTelemetry() starts from the same OTEL_* variables:
  // traces (batch processor, OTLP/protobuf) and metrics (periodic reader, OTLP/protobuf), the
  // resource detectors @proc/telemetry-resource runs by default (env, host, os, process,
  // container, and a service.instance.id, which ours always sets), the W3C trace-context and
  // baggage propagators and the AsyncLocalStorage context manager, all registered as the API's
  // globals; one metric recorded, so its shutdown exports metrics as ours does (logs: ours
  // builds them on the first logger asked for, so neither side starts them here).
  'raw-full': {
    load: () => ({
      api: require('@opentelemetry/api'),
      asyncHooks: require('@opentelemetry/context-async-hooks'),
      core: require('@opentelemetry/core'),
      resources: require('@opentelemetry/resources'),
      container: require('@opentelemetry/resource-detector-container'),
      base: require('@opentelemetry/sdk-trace-base'),
      traceExporter: require('@opentelemetry/exporter-trace-otlp-proto'),
      sdkMetrics: require('@opentelemetry/sdk-metrics'),
      metricExporter: require('@opentelemetry/exporter-metrics-otlp-proto'),
    }),
    start: async (loaded) => {
      const { api, asyncHooks, core, resources, container, base, sdkMetrics } = loaded;
      const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
      // The SDK's default (telemetry.sdk.*) under what the detectors find, as ours merges them.
      const resource = resources.defaultResource().merge(
        resources.detectResources({
          detectors: [
            resources.envDetector,
            resources.hostDetector,
            resources.osDetector,
            resources.processDetector,
            container.containerDetector,
            resources.serviceInstanceIdDetector,
          ],
        }),
      );
      const tracerProvider = new base.BasicTracerProvider({
        resource,
        spanProcessors: [
          new base.BatchSpanProcessor(
            new loaded.traceExporter.OTLPTraceExporter({ url: `${endpoint}/v1/traces` }),
          ),
        ],
      });
      const meterProvider = new sdkMetrics.MeterProvider({
        resource,
        readers: [
          new sdkMetrics.PeriodicExportingMetricReader({
            exporter: new loaded.metricExporter.OTLPMetricExporter({
              url: `${endpoint}/v1/metrics`,
            }),
          }),
        ],
      });
      api.context.setGlobalContextManager(
        new asyncHooks.AsyncLocalStorageContextManager().enable(),
      );
      api.propagation.setGlobalPropagator(
        new core.CompositePropagator({
          propagators: [new core.W3CTraceContextPropagator(), new core.W3CBaggagePropagator()],
        }),
      );
      api.trace.setGlobalTracerProvider(tracerProvider);
      api.metrics.setGlobalMeterProvider(meterProvider);
      api.metrics.getMeter('cold-start').createCounter('cold_start.runs').add(1);
      return {
        tracer: api.trace.getTracer('cold-start'),
        stop: () => Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]),
      };
    },
  },
};

async function main() {
  const chosen = SETUPS[setup];
  if (!chosen) throw new Error(`unknown set-up ${setup}; one of ${Object.keys(SETUPS).join(', ')}`);
  const loaded = chosen.load();
  const importMs = ms();
  const modules = Object.keys(require.cache).length;
  if (mode === 'import') return { importMs, modules, cpuMs: cpuMs() };
  const { tracer, stop } = await chosen.start(loaded);
  const startedMs = ms();
  tracer.startSpan('first span').end();
  const spanEndedMs = ms();
  await stop();
  return { importMs, modules, startedMs, spanEndedMs, startMs: ms(), cpuMs: cpuMs() };
}

main().then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
