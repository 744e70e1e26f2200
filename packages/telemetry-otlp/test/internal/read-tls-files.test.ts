import { hasTlsMaterial, readTlsFiles } from '../../src/internal/read-tls-files.js';
import { createTempTlsFiles, type TempTlsFiles } from '../helpers/temp-tls-files.js';

describe('readTlsFiles', () => {
  let files: TempTlsFiles;

  beforeEach(async () => {
    files = await createTempTlsFiles();
  });

  afterEach(() => files.remove());

  describe('readTlsFiles()', () => {
    it('should read the CA, client key and client certificate files', () => {
      const material = readTlsFiles(
        {
          insecure: false,
          certificateFile: files.path('ca.pem'),
          clientKeyFile: files.path('key.pem'),
          clientCertificateFile: files.path('cert.pem'),
        },
        'metrics.export.tls',
      );
      expect(material.ca?.toString()).toBe('CA');
      expect(material.key?.toString()).toBe('KEY');
      expect(material.cert?.toString()).toBe('CERT');
    });

    it('should leave out the files that are not configured', () => {
      expect(readTlsFiles({ insecure: false }, 'traces.export.tls')).toEqual({});
      expect(readTlsFiles({ insecure: false, certificateFile: '' }, 'traces.export.tls')).toEqual(
        {},
      );
    });

    it('should name the option and path of an unreadable TLS file', () => {
      expect(() =>
        readTlsFiles(
          { insecure: false, certificateFile: '/nonexistent/ca.pem' },
          'traces.export.tls',
        ),
      ).toThrow(
        /^@proc\/telemetry-otlp: traces\.export\.tls\.certificateFile: cannot read PEM file \/nonexistent\/ca\.pem/,
      );
    });

    it.each([
      ['clientKeyFile', 'key.pem', 'clientCertificateFile'],
      ['clientCertificateFile', 'cert.pem', 'clientKeyFile'],
    ] as const)('should throw when only %s is set, naming both options', (given, file, missing) => {
      expect(() =>
        readTlsFiles({ insecure: false, [given]: files.path(file) }, 'metrics.export.tls'),
      ).toThrow(
        `@proc/telemetry-otlp: metrics.export.tls.${given} is set but metrics.export.tls.${missing} is not: mutual TLS needs both`,
      );
    });
  });

  describe('hasTlsMaterial()', () => {
    it('should tell whether any file was read', () => {
      expect(hasTlsMaterial({})).toBe(false);
      expect(hasTlsMaterial({ ca: Buffer.from('CA') })).toBe(true);
    });
  });
});
