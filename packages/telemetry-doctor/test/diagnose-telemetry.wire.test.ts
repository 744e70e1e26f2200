import {
  type BlackHole,
  freePort,
  type OtlpReceiver,
  startBlackHole,
  startOtlpReceiver,
  waitFor,
} from '@proc/telemetry-testing';
import {
  type DiagnoseTelemetryOptions,
  type DoctorFinding,
  diagnoseTelemetry,
} from '../src/index.js';
import {
  CA_FILE,
  holdPort,
  startGrpcTlsCollector,
  startHttpsCollector,
  type TestServer,
} from './helpers/servers.js';

const TIMEOUT_MILLIS = 2000;

/** Diagnoses one signal with an explicit environment (never `process.env`). */
async function diagnose(
  env: Record<string, string>,
  options: Omit<DiagnoseTelemetryOptions, 'env'> = {},
) {
  return diagnoseTelemetry({ signals: ['traces'], timeoutMillis: TIMEOUT_MILLIS, env, ...options });
}

/** The only finding of a one-signal diagnosis. */
async function findingFor(
  env: Record<string, string>,
  options: Omit<DiagnoseTelemetryOptions, 'env'> = {},
) {
  const diagnosis = await diagnose(env, options);
  expect(diagnosis.findings).toHaveLength(1);
  return { diagnosis, finding: diagnosis.findings[0] as DoctorFinding };
}

describe('diagnoseTelemetry', () => {
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });

  afterAll(async () => {
    await receiver.stop();
  });

  afterEach(() => {
    receiver.clear();
    receiver.failNext(0);
  });

  describe('a working endpoint', () => {
    it.each(['http/protobuf', 'http/json', 'grpc'])(
      'should deliver one span over %s and say so',
      async (protocol) => {
        const endpoint = protocol === 'grpc' ? receiver.grpcUrl : receiver.httpUrl;
        const { diagnosis, finding } = await findingFor({
          OTEL_SERVICE_NAME: 'doctor-test',
          OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
          OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
        });
        expect(diagnosis.ok).toBe(true);
        expect(finding).toMatchObject({
          signal: 'traces',
          status: 'ok',
          code: 'delivered',
          protocol,
          endpointOrigin: 'env:OTEL_EXPORTER_OTLP_ENDPOINT',
        });
        expect(finding.message).toMatch(/^delivered one span to /);
        const [span] = await receiver.waitForSpans(1);
        expect(span).toMatchObject({
          name: 'proc-telemetry doctor',
          resource: { 'service.name': 'doctor-test' },
        });
      },
    );

    it.each(['http/protobuf', 'http/json', 'grpc'])(
      'should deliver one metric data point over %s',
      async (protocol) => {
        const endpoint = protocol === 'grpc' ? receiver.grpcUrl : receiver.httpUrl;
        const { finding } = await findingFor(
          { OTEL_EXPORTER_OTLP_PROTOCOL: protocol, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint },
          { signals: ['metrics'] },
        );
        expect(finding).toMatchObject({ signal: 'metrics', status: 'ok', code: 'delivered' });
        const [point] = await receiver.waitForMetric('proc_telemetry.doctor.probe');
        expect(point?.value).toBe(1);
      },
    );

    it.each(['http/protobuf', 'http/json', 'grpc'])(
      'should deliver one log record over %s',
      async (protocol) => {
        const endpoint = protocol === 'grpc' ? receiver.grpcUrl : receiver.httpUrl;
        const { finding } = await findingFor(
          { OTEL_EXPORTER_OTLP_PROTOCOL: protocol, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint },
          { signals: ['logs'] },
        );
        expect(finding).toMatchObject({ signal: 'logs', status: 'ok', code: 'delivered' });
        await waitFor('the probe record', () => receiver.logs().length > 0);
        expect(receiver.logs()[0]).toMatchObject({ body: 'proc-telemetry doctor' });
      },
    );

    it('should deliver over TLS when the CA file is configured', async () => {
      const server = await startHttpsCollector();
      try {
        const { finding } = await findingFor({
          OTEL_EXPORTER_OTLP_ENDPOINT: `https://127.0.0.1:${server.port}`,
          OTEL_EXPORTER_OTLP_CERTIFICATE: CA_FILE,
        });
        expect(finding).toMatchObject({ status: 'ok', code: 'delivered' });
        expect(server.requests).toBe(1);
      } finally {
        await server.close();
      }
    });

    it('should probe every configured signal by default', async () => {
      const diagnosis = await diagnoseTelemetry({
        timeoutMillis: TIMEOUT_MILLIS,
        env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl },
      });
      expect(diagnosis.findings.map((finding) => [finding.signal, finding.code])).toEqual([
        ['traces', 'delivered'],
        ['metrics', 'delivered'],
        ['logs', 'delivered'],
      ]);
      expect(receiver.logs().map((record) => record.body)).toEqual(['proc-telemetry doctor']);
      expect(diagnosis.ok).toBe(true);
    });
  });

  describe('the wrong port for the protocol', () => {
    it('should name OTLP/HTTP sent to a gRPC port, with both ways out', async () => {
      const { diagnosis, finding } = await findingFor({
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.grpcUrl,
      });
      expect(diagnosis.ok).toBe(false);
      expect(finding).toMatchObject({ status: 'problem', code: 'http_to_grpc_port' });
      expect(finding.message).toContain('answers HTTP/2');
      expect(finding.fix).toContain('OTEL_EXPORTER_OTLP_ENDPOINT');
      expect(finding.fix).toContain('OTEL_EXPORTER_OTLP_PROTOCOL=grpc');
      expect(finding.error).toMatch(/Parse Error/);
    });

    it('should name OTLP/gRPC sent to an HTTP port, naming the variable that set the protocol', async () => {
      const { finding } = await findingFor({
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.httpUrl,
      });
      expect(finding).toMatchObject({ status: 'problem', code: 'grpc_to_http_port' });
      expect(finding.fix).toContain('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
      expect(finding.fix).toContain('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf');
    });
  });

  describe('the signal path', () => {
    it('should name a signal-specific endpoint without /v1/traces', async () => {
      const { finding } = await findingFor({
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.httpUrl,
      });
      expect(finding).toMatchObject({ status: 'problem', code: 'missing_signal_path' });
      expect(finding.fix).toContain(
        `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=${receiver.httpUrl}/v1/traces`,
      );
    });

    it('should name a generic endpoint that already holds /v1/traces (doubled)', async () => {
      const diagnosis = await diagnoseTelemetry({
        timeoutMillis: TIMEOUT_MILLIS,
        env: { OTEL_EXPORTER_OTLP_ENDPOINT: `${receiver.httpUrl}/v1/traces` },
      });
      const [traces, metrics] = diagnosis.findings;
      expect(traces).toMatchObject({
        code: 'doubled_signal_path',
        endpoint: `${receiver.httpUrl}/v1/traces/v1/traces`,
      });
      expect(traces?.fix).toContain(`OTEL_EXPORTER_OTLP_ENDPOINT=${receiver.httpUrl} `);
      // The same generic endpoint gives metrics /v1/traces/v1/metrics.
      expect(metrics).toMatchObject({ code: 'doubled_signal_path' });
    });
  });

  describe('other answers of the collector', () => {
    it('should name a 404 for a path that has /v1/traces once', async () => {
      const { finding } = await findingFor({
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.httpUrl}/otlp/v1/traces`,
      });
      expect(finding).toMatchObject({ status: 'problem', code: 'path_not_found' });
      expect(finding.message).toContain('/otlp/v1/traces');
    });

    it('should name an HTTP 415', async () => {
      receiver.failNext(1, { httpStatus: 415 });
      const { finding } = await findingFor({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl });
      expect(finding).toMatchObject({ status: 'problem', code: 'unsupported_content_type' });
      expect(finding.fix).toContain('OTEL_EXPORTER_OTLP_PROTOCOL');
    });

    it('should name a gRPC server that does not serve the signal (UNIMPLEMENTED)', async () => {
      receiver.failNext(1, { grpcCode: 12 });
      const { finding } = await findingFor({
        OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.grpcUrl,
      });
      expect(finding).toMatchObject({ status: 'problem', code: 'signal_not_served' });
    });

    it.each([
      ['http/protobuf', 400, /Bad Request/],
      ['grpc', 3, /INVALID_ARGUMENT/],
    ] as const)(
      'should name any other refusal over %s with its status',
      async (protocol, status, text) => {
        receiver.failNext(1, { httpStatus: status, grpcCode: status });
        const { finding } = await findingFor({
          OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
          OTEL_EXPORTER_OTLP_ENDPOINT: protocol === 'grpc' ? receiver.grpcUrl : receiver.httpUrl,
        });
        expect(finding).toMatchObject({ status: 'problem', code: 'rejected' });
        expect(finding.error).toMatch(text);
      },
    );
  });

  describe('TLS', () => {
    it('should name https:// sent to a plain-text HTTP port', async () => {
      const { finding } = await findingFor({
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl.replace('http://', 'https://'),
      });
      expect(finding).toMatchObject({ status: 'problem', code: 'tls_to_plaintext' });
      expect(finding.fix).toContain('use http:// in OTEL_EXPORTER_OTLP_ENDPOINT');
    });

    it('should name TLS sent to a plain-text gRPC port', async () => {
      const { finding } = await findingFor({
        OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.grpcUrl.replace('http://', 'https://'),
      });
      expect(finding).toMatchObject({ status: 'problem', code: 'tls_to_plaintext' });
      expect(finding.fix).toContain('OTEL_EXPORTER_OTLP_INSECURE=true');
    });

    describe('against TLS servers', () => {
      let https: TestServer;
      let grpcTls: TestServer;

      beforeAll(async () => {
        https = await startHttpsCollector();
        grpcTls = await startGrpcTlsCollector();
      });

      afterAll(async () => {
        await https.close();
        await grpcTls.close();
      });

      it('should name http:// sent to a TLS port', async () => {
        const { finding } = await findingFor({
          OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${https.port}`,
        });
        expect(finding).toMatchObject({ status: 'problem', code: 'plaintext_to_tls' });
        expect(finding.fix).toContain('use https:// in OTEL_EXPORTER_OTLP_ENDPOINT');
      });

      it('should name plain-text gRPC sent to a TLS port', async () => {
        const { finding } = await findingFor({
          OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
          OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${grpcTls.port}`,
        });
        expect(finding).toMatchObject({ status: 'problem', code: 'plaintext_to_tls' });
      });

      it('should name an untrusted certificate and the CA variable to set', async () => {
        const { finding } = await findingFor({
          OTEL_EXPORTER_OTLP_ENDPOINT: `https://127.0.0.1:${https.port}`,
        });
        expect(finding).toMatchObject({ status: 'problem', code: 'tls_untrusted' });
        expect(finding.fix).toContain('OTEL_EXPORTER_OTLP_CERTIFICATE');
      });

      it('should name an untrusted certificate over gRPC', async () => {
        const { finding } = await findingFor({
          OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
          OTEL_EXPORTER_OTLP_ENDPOINT: `https://127.0.0.1:${grpcTls.port}`,
        });
        expect(finding).toMatchObject({ status: 'problem', code: 'tls_untrusted' });
      });

      it('should deliver over gRPC with TLS when the CA file is configured', async () => {
        const { finding } = await findingFor({
          OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
          OTEL_EXPORTER_OTLP_ENDPOINT: `https://127.0.0.1:${grpcTls.port}`,
          OTEL_EXPORTER_OTLP_CERTIFICATE: CA_FILE,
        });
        expect(finding).toMatchObject({ status: 'ok', code: 'delivered' });
      });
    });
  });

  describe('credentials', () => {
    it.each([
      ['http/protobuf', 401],
      ['grpc', 16],
    ] as const)('should name missing credentials over %s', async (protocol, status) => {
      receiver.failNext(1, { httpStatus: status, grpcCode: status });
      const { finding } = await findingFor({
        OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
        OTEL_EXPORTER_OTLP_ENDPOINT: protocol === 'grpc' ? receiver.grpcUrl : receiver.httpUrl,
      });
      expect(finding).toMatchObject({ status: 'problem', code: 'auth_missing' });
      expect(finding.fix).toContain('OTEL_EXPORTER_OTLP_HEADERS');
    });

    it.each([
      ['http/protobuf', 403],
      ['grpc', 7],
    ] as const)(
      'should name rejected credentials over %s without printing them',
      async (protocol, status) => {
        receiver.failNext(1, { httpStatus: status, grpcCode: status });
        const { diagnosis, finding } = await findingFor({
          OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
          OTEL_EXPORTER_OTLP_ENDPOINT: protocol === 'grpc' ? receiver.grpcUrl : receiver.httpUrl,
          OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20very-secret-token',
        });
        expect(finding).toMatchObject({ status: 'problem', code: 'auth_rejected' });
        expect(finding.message).toContain('authorization');
        expect(finding.fix).toContain('OTEL_EXPORTER_OTLP_HEADERS');
        expect(JSON.stringify(diagnosis)).not.toContain('very-secret-token');
      },
    );
  });

  describe('reachability', () => {
    it('should name a refused port', async () => {
      const port = await freePort();
      const { finding } = await findingFor({
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      });
      expect(finding).toMatchObject({ status: 'problem', code: 'connection_refused' });
      expect(finding.message).toBe(`nothing listens on 127.0.0.1:${port} (connection refused)`);
    });

    it('should name a host that does not resolve', async () => {
      const { finding } = await findingFor({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector.invalid:4318',
      });
      expect(finding).toMatchObject({ status: 'problem', code: 'host_not_found' });
      expect(finding.message).toContain('collector.invalid');
    });

    describe('a port that never answers', () => {
      let hole: BlackHole;

      beforeAll(async () => {
        hole = await startBlackHole();
      });

      afterAll(async () => {
        await hole.close();
      });

      it.each(['http/protobuf', 'grpc'])('should name no answer over %s', async (protocol) => {
        const { finding } = await findingFor({
          OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
          OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${hole.port}`,
        });
        expect(finding).toMatchObject({ status: 'problem', code: 'no_answer' });
        expect(finding.message).toContain(`within ${TIMEOUT_MILLIS} ms`);
      });
    });

    it('should name a collector that asks to retry later', async () => {
      receiver.failFor(60_000, { httpStatus: 503, grpcCode: 14 });
      try {
        const { finding } = await findingFor(
          { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.grpcUrl },
          { timeoutMillis: 500 },
        );
        expect(finding).toMatchObject({ status: 'problem', code: 'unavailable' });
      } finally {
        receiver.failFor(0);
      }
    });
  });

  describe('Prometheus', () => {
    it('should name a Prometheus host that is no address of this machine', async () => {
      const { finding } = await findingFor(
        {
          OTEL_METRICS_EXPORTER: 'prometheus',
          // TEST-NET-1 (RFC 5737): never an address of this machine.
          OTEL_EXPORTER_PROMETHEUS_HOST: '192.0.2.1',
        },
        { signals: ['metrics'] },
      );
      expect(finding).toMatchObject({
        status: 'problem',
        code: 'prometheus_address_unavailable',
      });
      expect(finding.fix).toContain('OTEL_EXPORTER_PROMETHEUS_HOST');
    });

    it('should name a Prometheus port already in use', async () => {
      const holder = await holdPort();
      try {
        const { diagnosis, finding } = await findingFor(
          {
            OTEL_METRICS_EXPORTER: 'prometheus',
            OTEL_EXPORTER_PROMETHEUS_HOST: '127.0.0.1',
            OTEL_EXPORTER_PROMETHEUS_PORT: String(holder.port),
          },
          { signals: ['metrics'] },
        );
        expect(diagnosis.ok).toBe(false);
        expect(finding).toMatchObject({ status: 'problem', code: 'prometheus_port_in_use' });
        expect(finding.fix).toContain('OTEL_EXPORTER_PROMETHEUS_PORT');
      } finally {
        await holder.close();
      }
    });

    it('should say a free Prometheus port is fine', async () => {
      const port = await freePort();
      const { diagnosis, finding } = await findingFor(
        {
          OTEL_METRICS_EXPORTER: 'prometheus',
          OTEL_EXPORTER_PROMETHEUS_HOST: '127.0.0.1',
          OTEL_EXPORTER_PROMETHEUS_PORT: String(port),
        },
        { signals: ['metrics'] },
      );
      expect(diagnosis.ok).toBe(true);
      expect(finding).toMatchObject({ status: 'ok', code: 'prometheus_port_free' });
    });
  });

  describe('signals with nothing to probe', () => {
    it('should skip a disabled signal, naming what disabled it, and stay ok', async () => {
      const diagnosis = await diagnoseTelemetry({
        timeoutMillis: TIMEOUT_MILLIS,
        env: {
          OTEL_TRACES_EXPORTER: 'none',
          OTEL_METRICS_EXPORTER: 'console',
          OTEL_LOGS_EXPORTER: 'none',
        },
      });
      expect(diagnosis.ok).toBe(true);
      expect(diagnosis.findings).toEqual([
        expect.objectContaining({
          signal: 'traces',
          status: 'skipped',
          code: 'disabled',
          message: 'disabled (env:OTEL_TRACES_EXPORTER)',
        }),
        expect.objectContaining({ signal: 'metrics', status: 'skipped', code: 'not_exported' }),
        expect.objectContaining({ signal: 'logs', status: 'skipped', code: 'disabled' }),
      ]);
    });
  });

  describe('options', () => {
    it('should return the rejected environment variables', async () => {
      const diagnosis = await diagnose({
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.httpUrl,
        OTEL_BSP_MAX_QUEUE_SIZE: 'lots',
      });
      expect(diagnosis.configWarnings.map((warning) => warning.variable)).toEqual([
        'OTEL_BSP_MAX_QUEUE_SIZE',
      ]);
    });

    it('should reject an invalid configuration in code as initTelemetry would', async () => {
      await expect(
        diagnoseTelemetry({ env: {}, config: { traces: { sampler: { ratio: 2 } } } }),
      ).rejects.toThrow(/traces\.sampler\.ratio/);
    });

    it('should reject a timeout that is not a finite number > 0, naming it', async () => {
      await expect(diagnoseTelemetry({ env: {}, timeoutMillis: 0 })).rejects.toThrow(
        /timeoutMillis must be a finite number > 0/,
      );
    });

    it('should reject an unknown signal, naming the accepted ones', async () => {
      await expect(diagnoseTelemetry({ env: {}, signals: ['spans' as never] })).rejects.toThrow(
        /unknown signal "spans" in signals; expected one of traces, metrics, logs/,
      );
    });
  });
});
