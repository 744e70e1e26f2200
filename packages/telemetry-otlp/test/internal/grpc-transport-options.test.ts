import { diag } from '@opentelemetry/api';
import * as grpc from '@opentelemetry/otlp-grpc-exporter-base';
import { defaultTelemetryConfig, type ExportConfig } from '@proc/telemetry-config';
import { createTestDiagLogger } from '@proc/telemetry-testing';
import {
  grpcMetadata,
  grpcTransportOptions as grpcTransportOptionsOf,
} from '../../src/internal/grpc-transport-options.js';
import { readTlsFiles } from '../../src/internal/read-tls-files.js';
import type { TransportOptions } from '../../src/internal/transport-types.js';

// As createOtlpSender() does it: the TLS files read at start-up, the gRPC module loaded.
function grpcTransportOptions(config: ExportConfig, options: TransportOptions) {
  const material = readTlsFiles(config.tls, `${options.optionPath}.tls`);
  return grpcTransportOptionsOf(grpc, config, material, options);
}

// ChannelCredentials has no public "is secure" accessor; grpc-js exposes `_isSecure()`.
const isSecure = (credentials: unknown) => (credentials as { _isSecure(): boolean })._isSecure();

function exportConfig(overrides: Partial<ExportConfig> = {}): ExportConfig {
  return { ...defaultTelemetryConfig().traces.export, protocol: 'grpc', ...overrides };
}

describe('grpcTransportOptions', () => {
  afterEach(() => diag.disable());

  describe('grpcTransportOptions()', () => {
    it.each([
      ['http://collector:4317', false, false],
      ['http://collector:4317', true, false],
      ['https://collector:4317', true, true],
      ['https://collector:4317', false, true],
      ['collector:4317', true, false],
      ['collector:4317', false, true],
      ['HTTP://collector:4317', false, false],
    ])('should make %s with insecure=%s secure: %s', (endpoint, insecure, secure) => {
      const options = grpcTransportOptions(exportConfig({ endpoint, tls: { insecure } }), {
        optionPath: 'metrics.export',
      });
      expect(isSecure(options.credentials)).toBe(secure);
    });

    it('should pass URL, compression, timeout and concurrency limit through', () => {
      const options = grpcTransportOptions(
        exportConfig({
          endpoint: 'http://127.0.0.1:4317',
          compression: 'gzip',
          timeoutMillis: 1234,
          headers: { 'x-tenant': 'a' },
        }),
        { optionPath: 'traces.export', concurrencyLimit: 81 },
      );
      expect(options).toMatchObject({
        url: 'http://127.0.0.1:4317',
        compression: 'gzip',
        timeoutMillis: 1234,
        concurrencyLimit: 81,
      });
      expect(options.metadata.get('x-tenant')).toEqual(['a']);
    });

    it('should dial host:port, the scheme default port included', () => {
      const dial = (endpoint: string, insecure = false) =>
        grpcTransportOptions(exportConfig({ endpoint, tls: { insecure } }), {
          optionPath: 'traces.export',
        }).address;
      expect(dial('http://collector:4317')).toBe('collector:4317');
      expect(dial('collector:4317', true)).toBe('collector:4317');
      expect(dial('https://collector')).toBe('collector:443');
      expect(dial('http://[::1]:4317')).toBe('[::1]:4317');
    });

    it.each([' http://collector:4317', 'unix:///run/collector.sock', 'collector'])(
      'should refuse %j, naming the option and the accepted forms',
      (endpoint) => {
        expect(() =>
          grpcTransportOptions(exportConfig({ endpoint }), { optionPath: 'traces.export' }),
        ).toThrow(
          new TypeError(
            `@proc/telemetry-otlp: traces.export.endpoint must be an http:// or https:// URL, or host:port, got ${JSON.stringify(endpoint)}`,
          ),
        );
      },
    );

    it('should leave the concurrency limit to the exporter when none is given', () => {
      const options = grpcTransportOptions(exportConfig(), { optionPath: 'metrics.export' });
      expect(options).not.toHaveProperty('concurrencyLimit');
    });

    it('should warn, naming the option, when TLS files are given for a plaintext endpoint', () => {
      const logger = createTestDiagLogger();
      logger.install();
      const options = grpcTransportOptions(
        exportConfig({
          endpoint: 'http://127.0.0.1:4317',
          tls: { insecure: false, certificateFile: __filename },
        }),
        { optionPath: 'traces.export' },
      );
      expect(isSecure(options.credentials)).toBe(false);
      expect(logger.texts('warn')).toContainEqual(
        expect.stringContaining(
          'traces.export.tls: TLS files are ignored for the plaintext gRPC endpoint http://127.0.0.1:4317',
        ),
      );
    });

    // Issue 14 D5: the warning printed the endpoint's credentials.
    it('should not print the credentials of the endpoint in the warning', () => {
      const logger = createTestDiagLogger();
      logger.install();
      grpcTransportOptions(
        exportConfig({
          endpoint: 'http://user:pa55@127.0.0.1:4317',
          tls: { insecure: false, certificateFile: __filename },
        }),
        { optionPath: 'traces.export' },
      );
      const warnings = logger.texts('warn').join('\n');
      expect(warnings).toContain('http://[REDACTED]@127.0.0.1:4317');
      expect(warnings).not.toContain('pa55');
    });

    it('should name the option and path of an unreadable TLS file', () => {
      expect(() =>
        grpcTransportOptions(
          exportConfig({ tls: { insecure: false, certificateFile: '/nonexistent/ca.pem' } }),
          { optionPath: 'traces.export' },
        ),
      ).toThrow(
        /traces\.export\.tls\.certificateFile: cannot read PEM file \/nonexistent\/ca\.pem/,
      );
    });
  });

  describe('grpcMetadata()', () => {
    it('should carry every configured header', () => {
      const metadata = grpcMetadata(grpc, { authorization: 'Bearer t', 'x-tenant': 'a' });
      expect(metadata.get('authorization')).toEqual(['Bearer t']);
      expect(metadata.get('x-tenant')).toEqual(['a']);
    });
  });
});
