import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@proc/telemetry-config';
import { initMeterProvider } from '@proc/telemetry-metrics';
import { initTracerProvider } from '@proc/telemetry-tracing';
import fc from 'fast-check';
import { initTelemetry } from '../src/index.js';
import { resetGlobals } from './helpers/reset-globals.js';

// Regression for issue 14 D4: an environment variable loadConfig accepted (an unreadable
// OTEL_EXPORTER_OTLP_CERTIFICATE, a CLIENT_KEY without CLIENT_CERTIFICATE, a header gRPC
// metadata refuses, ...) made building the providers throw, so initTelemetry() rejected.

const dir = mkdtempSync(path.join(tmpdir(), 'telemetry-env-'));
const PEM = path.join(dir, 'readable.pem');
writeFileSync(PEM, '-----BEGIN CERTIFICATE-----\nnot really\n-----END CERTIFICATE-----\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A real CA and client certificate with its key. */
const TLS = path.join(__dirname, 'fixtures', 'tls');

/** Nothing listens on port 9 of the loopback: a final export is refused at once. */
const CLOSED = '127.0.0.1:9';

const SIGNALS = ['', 'TRACES_', 'METRICS_'];
const variable = (name: string) => SIGNALS.map((signal) => `OTEL_EXPORTER_OTLP_${signal}${name}`);

/** Values near the accepted ones and noise, per variable, never naming a host beyond loopback. */
const VALUES: [string[], fc.Arbitrary<string>][] = [
  [
    variable('ENDPOINT'),
    fc.constantFrom(
      `http://${CLOSED}`,
      `https://${CLOSED}`,
      `https://u:p@${CLOSED}/base/?api_key=k`,
      CLOSED,
      'localhost:9',
      '[::1]:9',
      'http:/127.0.0.1:9',
      'u:p@127.0.0.1:9',
      'ftp://127.0.0.1:9',
    ),
  ],
  [variable('PROTOCOL'), fc.constantFrom('grpc', 'http/protobuf', 'http/json', 'GRPC', 'x')],
  [
    variable('HEADERS'),
    fc.oneof(
      fc.string(),
      fc.constantFrom(
        'authorization=Bearer%20x',
        'a!b=1',
        'x-bin=abc',
        'X-Upper=1',
        'k=%C3%BC',
        'k=%E2%82%AC',
        'k=a%7Fb',
        'k=\tv',
        'grpc-timeout=1S',
        'te=trailers',
        'content-type=text/plain',
        ':authority=x',
        'host=x',
        'user-agent=x',
      ),
    ),
  ],
  [
    [...variable('CERTIFICATE'), ...variable('CLIENT_KEY'), ...variable('CLIENT_CERTIFICATE')],
    fc.constantFrom(
      PEM,
      ...['ca.pem', 'client.key', 'client.pem'].map((name) => path.join(TLS, name)),
      dir,
      path.join(dir, 'missing.pem'),
      '',
      'relative/missing.pem',
    ),
  ],
  [variable('INSECURE'), fc.constantFrom('true', 'false', 'yes')],
  [variable('COMPRESSION'), fc.constantFrom('gzip', 'none', 'br')],
  [variable('TIMEOUT'), fc.constantFrom('1', '10000', '0', '-5', 'x')],
  [['OTEL_TRACES_EXPORTER'], fc.constantFrom('otlp', 'console', 'none', 'zipkin', 'otlp,console')],
  // prometheus would open a port: covered by the metrics package's own tests.
  [['OTEL_METRICS_EXPORTER'], fc.constantFrom('otlp', 'console', 'none', 'x')],
  [['OTEL_TRACES_SAMPLER'], fc.constantFrom('always_on', 'traceidratio', 'x')],
  [['OTEL_TRACES_SAMPLER_ARG'], fc.constantFrom('0.5', '2', 'x')],
  [
    ['OTEL_BSP_MAX_QUEUE_SIZE', 'OTEL_BSP_MAX_EXPORT_BATCH_SIZE', 'OTEL_SPAN_LINK_COUNT_LIMIT'],
    fc.constantFrom('1', '512', '0', '-1', 'x'),
  ],
  [
    ['OTEL_METRIC_EXPORT_INTERVAL', 'OTEL_METRIC_EXPORT_TIMEOUT', 'OTEL_BSP_SCHEDULE_DELAY'],
    fc.constantFrom('1', '60000', '0', 'x'),
  ],
  [['OTEL_METRICS_EXEMPLAR_FILTER'], fc.constantFrom('always_on', 'always_off', 'x')],
  [['OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE'], fc.constantFrom('delta', 'x')],
];

const envMap: fc.Arbitrary<Record<string, string>> = fc
  .tuple(
    ...VALUES.flatMap(([names, values]) =>
      names.map((name) => fc.option(values.map((value) => [name, value] as const))),
    ),
  )
  .map((entries) => Object.fromEntries(entries.filter((entry) => entry !== null)));

describe('environment variables at start-up', () => {
  afterEach(() => resetGlobals());

  it('should build the tracer and meter providers for every environment loadConfig accepts', async () => {
    await fc.assert(
      fc.asyncProperty(envMap, async (env) => {
        const config = loadConfig({ env, onWarning: () => {} });
        const tracing = initTracerProvider(config.traces);
        const metrics = initMeterProvider(config.metrics);
        await tracing.shutdown({ timeoutMillis: 200 });
        await metrics.shutdown({ timeoutMillis: 200 });
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['an unreadable CA certificate', { OTEL_EXPORTER_OTLP_CERTIFICATE: path.join(dir, 'none') }],
    ['a client key without its certificate', { OTEL_EXPORTER_OTLP_CLIENT_KEY: PEM }],
    ['a client certificate without its key', { OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE: PEM }],
  ])('should start with %s in the environment', async (_case, tls) => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: `http://${CLOSED}`, ...tls };
    const telemetry = await initTelemetry({ env, config: { logLevel: 'none' } });
    await telemetry.shutdown();
  });
});
