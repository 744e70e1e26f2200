import { join } from 'node:path';
import { diag } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import { ConsoleSpanExporter } from '@opentelemetry/sdk-trace-base';
import type { TraceConfig } from '@proc/telemetry-config';
import { installTestDiagLogger, waitFor } from '@proc/telemetry-testing';
import { initTracerProvider, shutdownTracerProvider } from '../../src/index.js';
import { createSpanPipelines } from '../../src/internal/create-span-pipeline.js';
import {
  type CaptureServer,
  type CaptureServerKind,
  startCaptureServer,
  TLS_FIXTURES,
} from '../helpers/capture-server.js';
import { testTraceConfig } from '../helpers/test-trace-config.js';

const tlsFile = (name: string) => join(TLS_FIXTURES, name);
type Protocol = TraceConfig['export']['protocol'];

describe('createSpanPipelines', () => {
  afterEach(() => diag.disable());

  describe('createSpanPipelines()', () => {
    it.each(['grpc', 'http/protobuf', 'http/json'] as const)(
      'should build an exporting processor for OTLP %s',
      async (protocol) => {
        const pipelines = createSpanPipelines(testTraceConfig({ export: { protocol } }));
        expect(pipelines).toHaveLength(1);
        expect(pipelines[0]?.counts()).toMatchObject({ ended: 0, exported: 0, queued: 0 });
        await pipelines[0]?.shutdown();
      },
    );

    it('should export to the console exporter', async () => {
      const exported = jest
        .spyOn(ConsoleSpanExporter.prototype, 'export')
        .mockImplementation((_spans, done) => done({ code: ExportResultCode.SUCCESS }));
      const handle = initTracerProvider(
        testTraceConfig({ exporter: ['console'], sampler: { type: 'always_on' } }),
      );
      handle.getTracer('t').startSpan('printed').end();
      await handle.shutdown({ timeoutMillis: 5000 });
      expect(exported).toHaveBeenCalledTimes(1);
      expect(handle.exportCounts()).toMatchObject({ ended: 1, exported: 1 });
    });

    it('should build nothing for exporter none, an empty list or enabled false', () => {
      expect(createSpanPipelines(testTraceConfig({ exporter: ['none'] }))).toEqual([]);
      expect(createSpanPipelines(testTraceConfig({ exporter: [] }))).toEqual([]);
      expect(createSpanPipelines(testTraceConfig({ enabled: false }))).toEqual([]);
    });

    it('should build one processor per exporter listed, the OTLP one first', async () => {
      const pipelines = createSpanPipelines(testTraceConfig({ exporter: ['console', 'otlp'] }));
      expect(pipelines).toHaveLength(2);
      await Promise.all(pipelines.map((pipeline) => pipeline.shutdown()));
    });

    it('should let none win over an exporter beside it in a hand-built section', () => {
      expect(createSpanPipelines(testTraceConfig({ exporter: ['otlp', 'none'] }))).toEqual([]);
    });

    it('should name the option and path of an unreadable TLS file', () => {
      const config = testTraceConfig({
        export: { tls: { certificateFile: '/nonexistent/ca.pem' } },
      });
      expect(() => createSpanPipelines(config)).toThrow(
        /traces\.export\.tls\.certificateFile: cannot read PEM file \/nonexistent\/ca\.pem/,
      );
    });
  });
});

describe('OTLP exporter settings on the wire', () => {
  let server: CaptureServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
    diag.disable();
  });

  async function exportOneSpan(
    kind: CaptureServerKind,
    protocol: Protocol,
    exportOverrides: NonNullable<Parameters<typeof testTraceConfig>[0]>['export'] = {},
    endpointOf: (url: string) => string = (url) => (protocol === 'grpc' ? url : `${url}/v1/traces`),
  ) {
    server = await startCaptureServer(kind);
    const handle = initTracerProvider(
      testTraceConfig({
        sampler: { type: 'always_on' },
        export: { ...exportOverrides, protocol, endpoint: endpointOf(server.url) },
      }),
    );
    handle.getTracer('t').startSpan('captured').end();
    await handle.forceFlush({ timeoutMillis: 5000 });
    await shutdownTracerProvider(handle, { timeoutMillis: 5000 });
    const captured = server;
    await waitFor('the export request', () => captured.requests.length > 0);
    return captured.requests[0]!;
  }

  it.each([
    ['http/protobuf', 'application/x-protobuf'],
    ['http/json', 'application/json'],
  ] as const)(
    'should send %s to the URL as given, with headers and gzip',
    async (protocol, type) => {
      const request = await exportOneSpan('http', protocol, {
        headers: { authorization: 'Bearer secret-token', 'x-tenant': 'acme' },
        compression: 'gzip',
      });
      expect(request.path).toBe('/v1/traces');
      expect(request.headers).toMatchObject({
        authorization: 'Bearer secret-token',
        'x-tenant': 'acme',
        'content-encoding': 'gzip',
        'content-type': type,
      });
      expect(request.body.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b])); // gzip magic
    },
  );

  it.each([
    ['http', 'http/protobuf'],
    ['http', 'http/json'],
    ['h2c', 'grpc'],
  ] as const)(
    'should send only the configured headers over %s %s, never OTEL_EXPORTER_OTLP_*HEADERS from process.env (regression: the SDK exporters merged them in)',
    async (kind, protocol) => {
      const saved = { ...process.env };
      process.env.OTEL_EXPORTER_OTLP_HEADERS = 'x-leaked-generic=from-env';
      process.env.OTEL_EXPORTER_OTLP_TRACES_HEADERS = 'x-leaked-traces=from-env';
      try {
        const request = await exportOneSpan(kind, protocol, { headers: { 'x-configured': 'yes' } });
        expect(request.headers['x-configured']).toBe('yes');
        expect(request.headers['x-leaked-generic']).toBeUndefined();
        expect(request.headers['x-leaked-traces']).toBeUndefined();
      } finally {
        process.env = saved;
      }
    },
  );

  it('should send gRPC with headers as metadata and gzip', async () => {
    const request = await exportOneSpan('h2c', 'grpc', {
      headers: { authorization: 'Bearer secret-token' },
      compression: 'gzip',
    });
    expect(request.path).toBe('/opentelemetry.proto.collector.trace.v1.TraceService/Export');
    expect(request.headers).toMatchObject({
      authorization: 'Bearer secret-token',
      'grpc-encoding': 'gzip',
      'content-type': 'application/grpc',
    });
    expect(request.body[0]).toBe(1); // compressed-flag of the gRPC message frame
  });

  it('should use plaintext gRPC for an endpoint without scheme when insecure is true', async () => {
    const request = await exportOneSpan('h2c', 'grpc', { tls: { insecure: true } }, (url) =>
      url.replace('http://', ''),
    );
    expect(request.path).toBe('/opentelemetry.proto.collector.trace.v1.TraceService/Export');
  });

  const mtls = {
    tls: {
      certificateFile: tlsFile('ca.pem'),
      clientKeyFile: tlsFile('client.key'),
      clientCertificateFile: tlsFile('client.pem'),
      insecure: false,
    },
  };

  it.each(['http/protobuf', 'http/json'] as const)(
    'should verify the server with the CA file and present the client certificate over %s',
    async (protocol) => {
      const request = await exportOneSpan('https', protocol, mtls);
      expect(request.clientCertificateCN).toBe('tracing-test-client');
    },
  );

  it.each(['http/protobuf', 'grpc'] as const)(
    'should refuse a server that the CA file does not vouch for, over %s',
    async (protocol) => {
      const diagLog = installTestDiagLogger();
      server = await startCaptureServer(protocol === 'grpc' ? 'h2' : 'https');
      const handle = initTracerProvider(
        testTraceConfig({
          sampler: { type: 'always_on' },
          export: {
            protocol,
            endpoint: protocol === 'grpc' ? server.url : `${server.url}/v1/traces`,
            timeoutMillis: 300,
            tls: {
              clientKeyFile: tlsFile('client.key'),
              clientCertificateFile: tlsFile('client.pem'),
            },
          },
        }),
      );
      handle.getTracer('t').startSpan('untrusted').end();
      await handle.forceFlush({ timeoutMillis: 5000 });
      await shutdownTracerProvider(handle, { timeoutMillis: 5000 });
      expect(server.requests).toHaveLength(0);
      const reason = /certificate|UNAVAILABLE|self.signed/i;
      expect(diagLog.has('warn', reason) || diagLog.has('error', reason)).toBe(true);
    },
  );

  it('should verify the server with the CA file and present the client certificate over gRPC', async () => {
    const request = await exportOneSpan('h2', 'grpc', mtls);
    expect(request.clientCertificateCN).toBe('tracing-test-client');
  });

  it('should use TLS for an endpoint without scheme when insecure is false', async () => {
    const request = await exportOneSpan('h2', 'grpc', mtls, (url) => url.replace('https://', ''));
    expect(request.clientCertificateCN).toBe('tracing-test-client');
  });
});
