// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} references are the subject here
import { inspect } from 'node:util';
import { installTestDiagLogger } from '@proc/telemetry-testing';
import { loadConfig, parseConfig, TelemetryConfigError } from '../src/index.js';
import { createTempDir, loadWith } from './helpers.js';

// Issue 14 D6: secrets leaked into TelemetryConfigError (message, issues, JSON, inspect, stack)
// and into env warnings. A value that came from a ${…} substitution or a header, or that looks
// like a URL with userinfo, is never printed raw.

const SECRET = 's3cr3t';

function errorOf(run: () => unknown): TelemetryConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof TelemetryConfigError) return error;
    throw error;
  }
  throw new Error('expected a TelemetryConfigError');
}

/** Every form an error may be logged in. */
function printed(error: TelemetryConfigError): string[] {
  return [
    error.message,
    String(error.stack),
    JSON.stringify(error),
    JSON.stringify(error.issues),
    inspect(error, { depth: Number.POSITIVE_INFINITY }),
    inspect(error.issues, { depth: Number.POSITIVE_INFINITY }),
  ];
}

function expectNoSecret(error: TelemetryConfigError, secret = SECRET): void {
  expect(error.issues.length).toBeGreaterThan(0);
  for (const text of printed(error)) expect(text).not.toContain(secret);
}

describe('secrets in configuration errors and warnings', () => {
  const dir = createTempDir();
  afterAll(() => dir.cleanup());

  describe('headers given as a string', () => {
    it('should not print headers given as a string in code', () => {
      const error = errorOf(() =>
        loadConfig({
          env: {},
          config: { export: { headers: `authorization=Bearer ${SECRET}` as never } },
        }),
      );
      expect(error.issues[0]).toMatchObject({ path: 'export.headers', received: '[REDACTED]' });
      expectNoSecret(error);
    });

    it('should not print a per-signal header list given as an array in code', () => {
      const error = errorOf(() =>
        loadConfig({ env: {}, config: { traces: { export: { headers: [SECRET] } } } as never }),
      );
      expectNoSecret(error);
    });

    it('should not print headers that a ${TOKEN} in a file turned into a string', () => {
      const file = dir.write('headers.yaml', 'export:\n  headers: ${TOKEN}\n');
      const error = errorOf(() =>
        loadConfig({ file, env: { TOKEN: `authorization=Bearer ${SECRET}` } }),
      );
      expect(error.issues[0]?.path).toBe('export.headers');
      expectNoSecret(error);
    });
  });

  describe('malformed endpoints with credentials', () => {
    it.each([
      `http:/u:${SECRET}@h`,
      `u:${SECRET}@h:4318`,
      `http://u:${SECRET}/x@h`,
      `ftp://u:${SECRET}@h`,
    ])('should not print the credentials of %j given in code', (endpoint) => {
      const error = errorOf(() => loadConfig({ env: {}, config: { export: { endpoint } } }));
      expect(error.issues[0]?.path).toBe('export.endpoint');
      expectNoSecret(error);
    });

    it.each([`http:/u:${SECRET}@h`, `u:${SECRET}@h:4318`])(
      'should not print the credentials of OTEL_EXPORTER_OTLP_ENDPOINT=%j in the warning',
      (endpoint) => {
        // The default level: what an operator sees without turning anything on.
        const logger = installTestDiagLogger();
        try {
          const { warnings } = loadWith({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
          expect(warnings.map((warning) => warning.variable)).toEqual([
            'OTEL_EXPORTER_OTLP_ENDPOINT',
          ]);
          expect(JSON.stringify(warnings)).not.toContain(SECRET);
          expect(logger.texts('warn').join('\n')).toContain('OTEL_EXPORTER_OTLP_ENDPOINT');
          expect(logger.texts('warn').join('\n')).not.toContain(SECRET);
        } finally {
          logger.uninstall();
        }
      },
    );
  });

  describe('${SECRET} substituted into a field that is not a credential', () => {
    it.each([
      ['a ratio', 'traces:\n  sampler:\n    ratio: ${SECRET}\n', 'traces.sampler.ratio'],
      ['an enum', 'logLevel: ${SECRET}\n', 'logLevel'],
      ['a list entry', 'propagators: [tracecontext, "${SECRET}"]\n', 'propagators.1'],
      ['an unknown key', 'tracez:\n  x: ${SECRET}\n', 'tracez'],
      ['part of a value', 'service:\n  name: [a, "x-${SECRET}-y"]\n', 'service.name'],
      [
        'a TLS file',
        'export:\n  tls:\n    certificateFile: /nowhere/${SECRET}.pem\n',
        'export.tls.certificateFile',
      ],
    ])('should not print %s that came from ${SECRET}', (_case, text, path) => {
      const file = dir.write('substituted.yaml', text);
      const error = errorOf(() => loadConfig({ file, env: { SECRET } }));
      expect(error.issues.map((issue) => issue.path)).toContain(path);
      expectNoSecret(error);
    });

    it('should not print a substituted number that breaks a cross-field rule', () => {
      const text = 'traces:\n  batch:\n    maxQueueSize: 100\n    maxExportBatchSize: ${BATCH}\n';
      const error = errorOf(() => parseConfig(text, 'yaml', { env: { BATCH: '31337' } }));
      expect(error.issues[0]?.path).toBe('traces.batch.maxExportBatchSize');
      expectNoSecret(error, '31337');
    });

    it('should not print a substituted number that conflicts with a value in code', () => {
      const file = dir.write('batch.yaml', 'traces:\n  batch:\n    maxExportBatchSize: ${BATCH}\n');
      const error = errorOf(() =>
        loadConfig({
          file,
          env: { BATCH: '31337' },
          config: { traces: { batch: { maxQueueSize: 100 } } },
        }),
      );
      expect(error.issues[0]?.path).toBe('traces.batch.maxExportBatchSize');
      expectNoSecret(error, '31337');
    });

    it('should still print values written in the file itself', () => {
      const error = errorOf(() => parseConfig('logLevel: loud\n', 'yaml', { env: {} }));
      expect(error.issues[0]?.received).toBe('loud');
    });
  });
});
