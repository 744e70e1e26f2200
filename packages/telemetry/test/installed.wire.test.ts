import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SpanKind } from '@opentelemetry/api';
import { type InstalledApp, installPacked } from '@proc/telemetry-testing';
import { receiverEnv } from './helpers/receiver-env.js';

// As a user gets it: @proc/telemetry and the packages it depends on, with the optional
// instrumentations, packed and installed by npm in an empty folder next to pino, then an
// unmodified app started with the register entry.
describe('@proc/telemetry/register installed from the tarballs', () => {
  let app: InstalledApp;

  beforeAll(async () => {
    app = await installPacked({
      packages: [
        path.resolve(__dirname, '..'),
        path.resolve(__dirname, '../../telemetry-instrumentations'),
      ],
      dependencies: { '@opentelemetry/api': '1.9.1', pino: '10.4.0' },
    });
  }, 300_000);

  afterAll(() => app?.remove());

  it.each([
    ['--import', 'zero-code-app.mjs'],
    ['--require', 'zero-code-app.cjs'],
  ])('should trace and export the logs of the app started with %s', async (flag, name) => {
    const { receiver } = app;
    receiver.clear();
    const source = readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
    const result = await app.node(
      [flag, '@proc/telemetry/register', app.write(name, source)],
      receiverEnv(receiver, 'http/protobuf', { OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http,pino' }),
    );
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const spans = receiver.spans();
    const client = spans.find((span) => span.kind === SpanKind.CLIENT);
    const server = spans.find((span) => span.kind === SpanKind.SERVER);
    expect(spans).toHaveLength(2);
    expect(server).toMatchObject({ traceId: client?.traceId, parentSpanId: client?.spanId });
    const [handled] = receiver.logs({ body: 'handled request' });
    expect(handled).toMatchObject({ traceId: server?.traceId, spanId: server?.spanId });
  });

  // Issue 13: HTTP-only installs carried gRPC (@grpc/grpc-js and its protobufjs) all the same.
  it('should not install gRPC, and name the package to add when gRPC is configured', async () => {
    expect(existsSync(path.join(app.dir, 'node_modules', '@grpc', 'grpc-js'))).toBe(false);
    const script = app.write(
      'grpc-app.mjs',
      "import { initTelemetry } from '@proc/telemetry';\nawait initTelemetry();\n",
    );
    const result = await app.node([script], receiverEnv(app.receiver, 'grpc'));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      '@proc/telemetry-otlp: traces.export.protocol is "grpc", which needs the optional peer dependency @opentelemetry/otlp-grpc-exporter-base',
    );
  });
});
