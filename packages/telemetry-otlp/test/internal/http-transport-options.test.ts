import { diag } from '@opentelemetry/api';
import { defaultTelemetryConfig, type ExportConfig } from '@proc/telemetry-config';
import { createTestDiagLogger } from '@proc/telemetry-testing';
import { httpTransportOptions } from '../../src/internal/http-transport-options.js';
import { createTempTlsFiles, type TempTlsFiles } from '../helpers/temp-tls-files.js';

function exportConfig(overrides: Partial<ExportConfig> = {}): ExportConfig {
  return { ...defaultTelemetryConfig().metrics.export, ...overrides };
}

describe('httpTransportOptions', () => {
  let files: TempTlsFiles;

  beforeEach(async () => {
    files = await createTempTlsFiles();
  });

  afterEach(async () => {
    await files.remove();
    diag.disable();
  });

  describe('httpTransportOptions()', () => {
    it('should pass URL, a copy of the headers, compression, timeout and concurrency limit', () => {
      const headers = { authorization: 'Bearer t' };
      const options = httpTransportOptions(
        exportConfig({
          endpoint: 'https://collector:4318/v1/metrics',
          headers,
          compression: 'gzip',
          timeoutMillis: 1234,
        }),
        { optionPath: 'metrics.export', concurrencyLimit: 40 },
      );
      expect(options).toEqual({
        url: 'https://collector:4318/v1/metrics',
        headers: { authorization: 'Bearer t' },
        compression: 'gzip',
        timeoutMillis: 1234,
        concurrencyLimit: 40,
        httpAgentOptions: { keepAlive: true },
      });
      expect(options.headers).not.toBe(headers);
    });

    it('should put the TLS files into the agent options, keeping keepAlive', () => {
      const options = httpTransportOptions(
        exportConfig({
          endpoint: 'https://collector:4318/v1/metrics',
          tls: {
            insecure: false,
            certificateFile: files.path('ca.pem'),
            clientKeyFile: files.path('key.pem'),
            clientCertificateFile: files.path('cert.pem'),
          },
        }),
        { optionPath: 'metrics.export' },
      );
      expect(options.httpAgentOptions).toEqual({
        keepAlive: true,
        ca: Buffer.from('CA'),
        key: Buffer.from('KEY'),
        cert: Buffer.from('CERT'),
      });
    });

    it('should warn, naming the option, when TLS files are given for an http:// endpoint', () => {
      const logger = createTestDiagLogger();
      logger.install();
      httpTransportOptions(
        exportConfig({
          endpoint: 'http://collector:4318/v1/metrics',
          tls: { insecure: false, certificateFile: files.path('ca.pem') },
        }),
        { optionPath: 'metrics.export' },
      );
      expect(logger.texts('warn')).toContainEqual(
        expect.stringContaining(
          'metrics.export.tls: TLS files are ignored for the plaintext endpoint http://collector:4318/v1/metrics',
        ),
      );
    });

    // Issue 14 D5: the warning printed the endpoint's credentials.
    it('should not print the credentials of the endpoint in the warning', () => {
      const logger = createTestDiagLogger();
      logger.install();
      httpTransportOptions(
        exportConfig({
          endpoint: 'http://user:pa55@collector:4318/v1/metrics?api_key=k3y&region=eu',
          tls: { insecure: false, certificateFile: files.path('ca.pem') },
        }),
        { optionPath: 'metrics.export' },
      );
      const warnings = logger.texts('warn').join('\n');
      expect(warnings).toContain(
        'http://[REDACTED]@collector:4318/v1/metrics?api_key=[REDACTED]&region=eu',
      );
      expect(warnings).not.toMatch(/pa55|k3y/);
    });

    it('should name the option and path of an unreadable TLS file', () => {
      expect(() =>
        httpTransportOptions(
          exportConfig({ tls: { insecure: false, clientKeyFile: '/nonexistent/key.pem' } }),
          { optionPath: 'metrics.export' },
        ),
      ).toThrow(
        /metrics\.export\.tls\.clientKeyFile: cannot read PEM file \/nonexistent\/key\.pem/,
      );
    });
  });
});
