import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import * as grpc from '@grpc/grpc-js';
import { diag, metrics } from '@opentelemetry/api';
import type { TlsConfig } from '@proc/telemetry-config';
import { createTestDiagLogger, waitFor } from '@proc/telemetry-testing';
import { initMeterProvider, type MetricsHandle } from '../../src/index.js';
import { createTestMetricsConfig } from '../helpers/test-metrics-config.js';

const fixtures = join(__dirname, '..', 'fixtures', 'tls');
const file = (name: string) => join(fixtures, name);
const pem = (name: string) => readFileSync(file(name));

const MUTUAL_TLS: TlsConfig = {
  insecure: false,
  certificateFile: file('ca.pem'),
  clientKeyFile: file('client.key'),
  clientCertificateFile: file('client.pem'),
};

interface ReceivedRequest {
  path: string;
  clientName: string | undefined;
  tenant: string | undefined;
  contentEncoding: string | undefined;
}

/** An OTLP/HTTP endpoint over TLS that requires a client certificate signed by the test CA. */
async function startHttpsCollector(): Promise<{
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}> {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer(
    {
      key: pem('server.key'),
      cert: pem('server.pem'),
      ca: pem('ca.pem'),
      requestCert: true,
      rejectUnauthorized: true,
    },
    (request, response) => {
      request.resume();
      request.on('end', () => {
        const peer = (request.socket as TLSSocket).getPeerCertificate();
        requests.push({
          path: request.url ?? '',
          clientName: typeof peer.subject?.CN === 'string' ? peer.subject.CN : undefined,
          tenant: request.headers['x-tenant'] as string | undefined,
          contentEncoding: request.headers['content-encoding'],
        });
        response.writeHead(200, { 'content-type': 'application/x-protobuf' });
        response.end();
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/v1/metrics`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An OTLP/gRPC endpoint over TLS that requires a client certificate signed by the test CA. */
async function startGrpcTlsCollector(): Promise<{
  url: string;
  tenants: string[];
  close(): Promise<void>;
}> {
  const tenants: string[] = [];
  const server = new grpc.Server();
  const passThrough = (value: Buffer) => value;
  server.addService(
    {
      Export: {
        path: '/opentelemetry.proto.collector.metrics.v1.MetricsService/Export',
        requestStream: false,
        responseStream: false,
        requestSerialize: passThrough,
        requestDeserialize: passThrough,
        // An empty message is a valid ExportMetricsServiceResponse.
        responseSerialize: () => Buffer.alloc(0),
        responseDeserialize: passThrough,
      },
    },
    {
      Export: (
        call: grpc.ServerUnaryCall<Buffer, Buffer>,
        callback: grpc.sendUnaryData<Buffer>,
      ) => {
        tenants.push(String(call.metadata.get('x-tenant')[0]));
        callback(null, Buffer.alloc(0));
      },
    },
  );
  const credentials = grpc.ServerCredentials.createSsl(
    pem('ca.pem'),
    [{ private_key: pem('server.key'), cert_chain: pem('server.pem') }],
    true,
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', credentials, (error, boundPort) =>
      error ? reject(error) : resolve(boundPort),
    ),
  );
  return {
    url: `https://127.0.0.1:${port}`,
    tenants,
    close: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
  };
}

describe('OTLP export over TLS', () => {
  let handle: MetricsHandle | undefined;

  afterEach(() => {
    handle = undefined;
    metrics.disable();
    diag.disable();
  });

  describe('http/protobuf', () => {
    it('should present the client certificate, trust the configured CA and send headers and gzip', async () => {
      const collector = await startHttpsCollector();
      try {
        handle = initMeterProvider(
          createTestMetricsConfig({
            exporter: ['otlp'],
            export: {
              protocol: 'http/protobuf',
              endpoint: collector.url,
              headers: { 'x-tenant': 'tls-test' },
              compression: 'gzip',
              tls: MUTUAL_TLS,
            },
          }),
        );
        handle.getMeter('tls').createCounter('tls.counter').add(1);
        await handle.forceFlush();
        const [request] = await waitFor(
          'the export request',
          () => collector.requests.length > 0 && collector.requests,
          { timeoutMs: 10_000 },
        );
        expect(request).toEqual({
          path: '/v1/metrics',
          clientName: 'telemetry-metrics test client',
          tenant: 'tls-test',
          contentEncoding: 'gzip',
        });
      } finally {
        // Shut down first: the final export needs the collector.
        await handle?.shutdown({ timeoutMillis: 5_000 });
        await collector.close();
      }
    });

    it('should fail the export, through diag only, when the CA is not configured', async () => {
      const logger = createTestDiagLogger();
      logger.install();
      const collector = await startHttpsCollector();
      try {
        handle = initMeterProvider(
          createTestMetricsConfig({
            exporter: ['otlp'],
            export: {
              protocol: 'http/protobuf',
              endpoint: collector.url,
              timeoutMillis: 2_000,
              tls: { ...MUTUAL_TLS, certificateFile: undefined },
            },
          }),
        );
        handle.getMeter('tls').createCounter('tls.counter').add(1);
        await expect(handle.forceFlush()).resolves.toBeUndefined();
        expect(logger.texts('error').join('\n')).toMatch(
          /self[- ]signed|unable to verify|certificate/i,
        );
        expect(collector.requests).toEqual([]);
      } finally {
        // Shut down first: the final export needs the collector.
        await handle?.shutdown({ timeoutMillis: 5_000 });
        await collector.close();
      }
    });
  });

  describe('grpc', () => {
    it('should present the client certificate, trust the configured CA and send headers as metadata', async () => {
      const collector = await startGrpcTlsCollector();
      try {
        handle = initMeterProvider(
          createTestMetricsConfig({
            exporter: ['otlp'],
            export: {
              protocol: 'grpc',
              endpoint: collector.url,
              headers: { 'x-tenant': 'grpc-tls-test' },
              tls: MUTUAL_TLS,
            },
          }),
        );
        handle.getMeter('tls').createCounter('tls.counter').add(1);
        await handle.forceFlush();
        expect(
          await waitFor(
            'the gRPC export',
            () => collector.tenants.length > 0 && collector.tenants,
            {
              timeoutMs: 10_000,
            },
          ),
        ).toEqual(['grpc-tls-test']);
      } finally {
        await handle?.shutdown({ timeoutMillis: 5_000 });
        await collector.close();
      }
    });
  });
});
