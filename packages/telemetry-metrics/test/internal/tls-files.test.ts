import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diag } from '@opentelemetry/api';
import { readTlsMaterial } from '../../src/internal/tls-files.js';
import { createTestDiagLogger } from '../helpers/test-diag-logger.js';

describe('TLS files', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'telemetry-metrics-tls-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
    diag.disable();
  });

  describe('readTlsMaterial', () => {
    it('should read the CA, client key and client certificate files', async () => {
      await writeFile(join(dir, 'ca.pem'), 'CA');
      await writeFile(join(dir, 'key.pem'), 'KEY');
      await writeFile(join(dir, 'cert.pem'), 'CERT');
      const material = readTlsMaterial({
        insecure: false,
        certificateFile: join(dir, 'ca.pem'),
        clientKeyFile: join(dir, 'key.pem'),
        clientCertificateFile: join(dir, 'cert.pem'),
      });
      expect(material.ca?.toString()).toBe('CA');
      expect(material.key?.toString()).toBe('KEY');
      expect(material.cert?.toString()).toBe('CERT');
    });

    it('should leave out a file it cannot read and report it through diag, without throwing', () => {
      const logger = createTestDiagLogger();
      logger.install();
      const missing = join(dir, 'missing.pem');
      expect(readTlsMaterial({ insecure: false, certificateFile: missing })).toEqual({});
      expect(logger.texts('error')).toContainEqual(
        expect.stringContaining(
          `@proc/telemetry-metrics: cannot read the CA certificate file ${missing}`,
        ),
      );
    });
  });
});
