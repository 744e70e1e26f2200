import { join } from 'node:path';
import { diag } from '@opentelemetry/api';
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { OTLPTraceExporter as GrpcTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import type { TraceConfig } from '@proc/telemetry-config';
import { installTestDiagLogger, waitFor } from '@proc/telemetry-testing';
import { initTracerProvider, shutdownTracerProvider } from '../../src/index.js';
import {
  concurrencyLimitFor,
  createOtlpExporter,
} from '../../src/internal/create-otlp-exporter.js';
import {
  type CaptureServer,
  type CaptureServerKind,
  startCaptureServer,
  TLS_FIXTURES,
} from '../helpers/capture-server.js';
import { testTraceConfig } from '../helpers/test-trace-config.js';

const tlsFile = (name: string) => join(TLS_FIXTURES, name);
type Protocol = TraceConfig['export']['protocol'];

describe('createOtlpExporter', () => {
  afterEach(() => diag.disable());

  describe('createOtlpExporter()', () => {
    it.each([
      ['http/protobuf', ProtoTraceExporter],
      ['http/json', JsonTraceExporter],
    ] as const)('should build the %s exporter', async (protocol, expected) => {
      const exporter = createOtlpExporter(
        testTraceConfig({ export: { protocol } }).export,
        testTraceConfig().batch,
      );
      expect(exporter).toBeInstanceOf(expected);
      await exporter.shutdown();
    });

    it('should build the gRPC exporter behind a retrying wrapper', async () => {
      const config = testTraceConfig({
        export: { protocol: 'grpc', endpoint: 'http://127.0.0.1:4317' },
      });
      const unavailable = Object.assign(new Error('UNAVAILABLE'), { code: 14 });
      const send = jest
        .spyOn(GrpcTraceExporter.prototype, 'export')
        .mockImplementationOnce((_spans, done) =>
          done({ code: ExportResultCode.FAILED, error: unavailable }),
        )
        .mockImplementationOnce((_spans, done) => done({ code: ExportResultCode.SUCCESS }));
      const exporter = createOtlpExporter(config.export, config.batch);
      expect(exporter).toBeInstanceOf(GrpcTraceExporter);
      const result = await new Promise<ExportResult>((resolve) => exporter.export([], resolve));
      expect(result.code).toBe(ExportResultCode.SUCCESS);
      expect(send).toHaveBeenCalledTimes(2);
      await exporter.shutdown();
    });

    it('should name the option and path of an unreadable TLS file', () => {
      const config = testTraceConfig({
        export: { tls: { certificateFile: '/nonexistent/ca.pem' } },
      });
      expect(() => createOtlpExporter(config.export, config.batch)).toThrow(
        /traces\.export\.tls\.certificateFile: cannot read PEM file \/nonexistent\/ca\.pem/,
      );
    });
  });

  describe('concurrencyLimitFor()', () => {
    it('should allow every batch of a full queue to be in flight at once', () => {
      expect(concurrencyLimitFor({ maxQueueSize: 2048, maxExportBatchSize: 512 } as never)).toBe(
        30,
      );
      expect(concurrencyLimitFor({ maxQueueSize: 5000, maxExportBatchSize: 64 } as never)).toBe(81);
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
      expect(diagLog.has('error', /certificate|UNAVAILABLE|self.signed/i)).toBe(true);
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
