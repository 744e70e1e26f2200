import { join } from 'node:path';
import { diag } from '@opentelemetry/api';
import {
  defaultTelemetryConfig,
  loadConfig,
  TelemetryConfigError,
  type TelemetryConfigOptions,
  validateMetricsConfig,
  validateTraceConfig,
} from '../src/index.js';
import { createTempDir, loadWith } from './helpers.js';

// Issue 14 D4: TLS files named by an environment variable that cannot be used (unreadable, a
// directory, a client key without its certificate) made initTelemetry() reject later with a
// plain Error. Now loadConfig checks them: from the environment, a warning naming the variable
// and the value is ignored; from code or a file, a TelemetryConfigError naming the field.

const TLS = join(__dirname, 'fixtures', 'tls');
const CA = join(TLS, 'ca.pem');
const KEY = join(TLS, 'client.key');
const CERT = join(TLS, 'client.pem');
const MISSING = join(TLS, 'missing.pem');
const DIRECTORY = TLS;
const dir = createTempDir();
const NOT_PEM = dir.write('not-pem.key', 'not a PEM file');
afterAll(() => dir.cleanup());

function errorOf(run: () => unknown): TelemetryConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof TelemetryConfigError) return error;
    throw error;
  }
  throw new Error('expected a TelemetryConfigError');
}

describe('loadConfig', () => {
  afterEach(() => diag.disable());

  describe('TLS files from the environment', () => {
    it.each([
      ['OTEL_EXPORTER_OTLP_CERTIFICATE', MISSING, 'ENOENT'],
      ['OTEL_EXPORTER_OTLP_TRACES_CERTIFICATE', DIRECTORY, 'not a file'],
      ['OTEL_EXPORTER_OTLP_METRICS_CLIENT_KEY', MISSING, 'ENOENT'],
      ['OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE', MISSING, 'ENOENT'],
    ])('should warn about an unusable %s=%j and ignore it', (variable, value, reason) => {
      const { config, warnings } = loadWith({ [variable]: value });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ variable, value });
      expect(warnings[0]?.expected).toContain('a readable file');
      expect(warnings[0]?.expected).toContain(reason);
      expect(config.traces.export.tls).toEqual({ insecure: false });
      expect(config.metrics.export.tls).toEqual({ insecure: false });
    });

    it('should fall back to the generic variable when the per-signal one is unreadable', () => {
      const { config, warnings } = loadWith({
        OTEL_EXPORTER_OTLP_CERTIFICATE: CA,
        OTEL_EXPORTER_OTLP_TRACES_CERTIFICATE: MISSING,
      });
      expect(warnings.map((warning) => warning.variable)).toEqual([
        'OTEL_EXPORTER_OTLP_TRACES_CERTIFICATE',
      ]);
      expect(config.traces.export.tls.certificateFile).toBe(CA);
    });

    it('should fall back to the file when the variable is unreadable', () => {
      const file = dir.write(
        'tls.json',
        JSON.stringify({ export: { tls: { certificateFile: CA } } }),
      );
      const { config, warnings } = loadWith({ OTEL_EXPORTER_OTLP_CERTIFICATE: MISSING }, { file });
      expect(warnings).toHaveLength(1);
      expect(config.metrics.export.tls.certificateFile).toBe(CA);
    });

    it.each([
      [
        'OTEL_EXPORTER_OTLP_CLIENT_KEY',
        KEY,
        'OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE',
        ['traces', 'metrics'],
      ],
      [
        'OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE',
        CERT,
        'OTEL_EXPORTER_OTLP_CLIENT_KEY',
        ['traces', 'metrics'],
      ],
      [
        'OTEL_EXPORTER_OTLP_TRACES_CLIENT_KEY',
        KEY,
        'OTEL_EXPORTER_OTLP_TRACES_CLIENT_CERTIFICATE',
        ['traces'],
      ],
    ])('should warn about %s without its pair and ignore it', (variable, value, pair, signals) => {
      const { config, warnings } = loadWith({ [variable]: value });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ variable, value });
      expect(warnings[0]?.message).toContain(pair);
      for (const signal of signals as ('traces' | 'metrics')[]) {
        expect(config[signal].export.tls).toEqual({ insecure: false });
      }
    });

    it.each([
      ['a key that is not PEM', NOT_PEM, CERT],
      ['a certificate that is not PEM', KEY, NOT_PEM],
      ['a key of another certificate', KEY, CA],
    ])('should warn about %s and ignore both halves', (_case, key, cert) => {
      const { config, warnings } = loadWith({
        OTEL_EXPORTER_OTLP_CLIENT_KEY: key,
        OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE: cert,
      });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ variable: 'OTEL_EXPORTER_OTLP_CLIENT_KEY', value: key });
      expect(warnings[0]?.message).toContain('OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE');
      expect(config.traces.export.tls).toEqual({ insecure: false });
      expect(config.metrics.export.tls).toEqual({ insecure: false });
    });

    it('should accept a client key from the environment and its certificate from code', () => {
      const { config, warnings } = loadWith(
        { OTEL_EXPORTER_OTLP_CLIENT_KEY: KEY },
        { config: { export: { tls: { clientCertificateFile: CERT } } } },
      );
      expect(warnings).toEqual([]);
      expect(config.traces.export.tls).toEqual({
        clientKeyFile: KEY,
        clientCertificateFile: CERT,
        insecure: false,
      });
    });

    it('should keep readable files, paired', () => {
      const { config, warnings } = loadWith({
        OTEL_EXPORTER_OTLP_CERTIFICATE: CA,
        OTEL_EXPORTER_OTLP_CLIENT_KEY: KEY,
        OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE: CERT,
      });
      expect(warnings).toEqual([]);
      expect(config.metrics.export.tls).toEqual({
        certificateFile: CA,
        clientKeyFile: KEY,
        clientCertificateFile: CERT,
        insecure: false,
      });
    });
  });

  describe('TLS files from code or a file', () => {
    it.each<[string, TelemetryConfigOptions, string]>([
      ['generic', { export: { tls: { certificateFile: MISSING } } }, 'export.tls.certificateFile'],
      [
        'per-signal',
        { metrics: { export: { tls: { clientKeyFile: DIRECTORY, clientCertificateFile: CERT } } } },
        'metrics.export.tls.clientKeyFile',
      ],
    ])(
      'should reject an unreadable %s file given in code, naming the field',
      (_case, config, path) => {
        const error = errorOf(() => loadConfig({ env: {}, config }));
        expect(error.issues).toHaveLength(1);
        expect(error.issues[0]).toMatchObject({ path, source: 'code' });
        expect(error.issues[0]?.expected).toContain('a readable file');
      },
    );

    it('should reject an unreadable file named in the config file', () => {
      const file = dir.write(
        'bad-tls.yaml',
        `traces:\n  export:\n    tls:\n      certificateFile: ${MISSING}\n`,
      );
      const error = errorOf(() => loadConfig({ file, env: {} }));
      expect(error.issues[0]).toMatchObject({
        path: 'traces.export.tls.certificateFile',
        received: MISSING,
        source: 'file',
      });
    });

    it('should reject a client key and certificate in code that do not make a pair', () => {
      const error = errorOf(() =>
        loadConfig({
          env: {},
          config: { export: { tls: { clientKeyFile: NOT_PEM, clientCertificateFile: CERT } } },
        }),
      );
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]).toMatchObject({ path: 'export.tls.clientKeyFile', source: 'code' });
      expect(error.issues[0]?.expected).toContain('export.tls.clientCertificateFile');
    });

    it.each<[TelemetryConfigOptions, string, string]>([
      [
        { export: { tls: { clientKeyFile: KEY } } },
        'export.tls.clientKeyFile',
        'clientCertificateFile',
      ],
      [
        { traces: { export: { tls: { clientCertificateFile: CERT } } } },
        'traces.export.tls.clientCertificateFile',
        'clientKeyFile',
      ],
    ])(
      'should reject a client key or certificate without its pair in code (%j)',
      (config, path, pair) => {
        const error = errorOf(() => loadConfig({ env: {}, config }));
        expect(error.issues).toHaveLength(1);
        expect(error.issues[0]).toMatchObject({ path, source: 'code' });
        expect(error.issues[0]?.expected).toContain(pair);
      },
    );
  });
});

describe('validateTraceConfig / validateMetricsConfig', () => {
  it('should reject an unreadable TLS file in a section built in code, naming the field', () => {
    const traces = defaultTelemetryConfig().traces;
    traces.export.tls = { insecure: false, certificateFile: MISSING };
    const error = errorOf(() => validateTraceConfig(traces));
    expect(error.issues.map((issue) => issue.path)).toEqual(['traces.export.tls.certificateFile']);
  });

  it('should reject a client key that does not match its certificate in a section built in code', () => {
    const traces = defaultTelemetryConfig().traces;
    traces.export.tls = { insecure: false, clientKeyFile: KEY, clientCertificateFile: CA };
    const error = errorOf(() => validateTraceConfig(traces));
    expect(error.issues.map((issue) => issue.path)).toEqual(['traces.export.tls.clientKeyFile']);
  });

  it('should reject a client key without its certificate in a section built in code', () => {
    const metrics = defaultTelemetryConfig().metrics;
    metrics.export.tls = { insecure: false, clientKeyFile: KEY };
    const error = errorOf(() => validateMetricsConfig(metrics));
    expect(error.issues.map((issue) => issue.path)).toEqual(['metrics.export.tls.clientKeyFile']);
  });
});
