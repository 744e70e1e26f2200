// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${NAME} references are the subject here
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, TelemetryConfigError } from '../src/index.js';
import { createTempDir, loadWith } from './helpers.js';

const YAML_TEXT = `
service:
  name: checkout
  version: 1.4.0
traces:
  exporter: console
  sampler:
    type: traceidratio
    ratio: 0.5
metrics:
  prometheus:
    port: 9100
propagators: [tracecontext, b3]
`;

const JSON_TEXT = JSON.stringify({
  service: { name: 'checkout', version: '1.4.0' },
  traces: { exporter: 'console', sampler: { type: 'traceidratio', ratio: 0.5 } },
  metrics: { prometheus: { port: 9100 } },
  propagators: ['tracecontext', 'b3'],
});

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
  describe('config file', () => {
    const dir = createTempDir();
    afterAll(() => dir.cleanup());

    it.each([
      ['YAML (.yaml)', 'c.yaml', YAML_TEXT],
      ['YAML (.yml)', 'c.yml', YAML_TEXT],
      ['JSON (.json)', 'c.json', JSON_TEXT],
      ['JSON detected by content', 'c.conf', JSON_TEXT],
      ['YAML detected by content', 'c.cfg', YAML_TEXT],
    ])('should read %s', (_format, name, text) => {
      const { config } = loadWith({}, { file: dir.write(name, text) });
      expect(config.service).toMatchObject({ name: 'checkout', version: '1.4.0' });
      expect(config.traces.exporter).toEqual(['console']);
      expect(config.traces.sampler).toEqual({ type: 'traceidratio', ratio: 0.5 });
      expect(config.metrics.prometheus.port).toBe(9100);
      expect(config.propagators).toEqual(['tracecontext', 'b3']);
    });

    it('should read the logs section and the instrumentations from a file, below the environment', () => {
      const file = dir.write(
        'signals.yaml',
        [
          'logs:',
          '  exporter: console',
          '  batch: { scheduledDelayMillis: 250 }',
          'instrumentations:',
          '  http: { enabled: true }',
          '  pino: { enabled: true }',
        ].join('\n'),
      );
      const { config } = loadWith({ OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'pino' }, { file });
      expect(config.logs.exporter).toEqual(['console']);
      expect(config.logs.batch.scheduledDelayMillis).toBe(250);
      expect(config.instrumentations.http.enabled).toBe(true);
      expect(config.instrumentations.pino.enabled).toBe(false);
    });

    it('should name an unknown instrumentation in a file and the known ones', () => {
      const file = dir.write('bad.yaml', 'instrumentations:\n  express: { enabled: true }\n');
      const error = errorOf(() => loadWith({}, { file }));
      expect(error.issues).toEqual([
        expect.objectContaining({
          path: 'instrumentations.express',
          expected: 'one of the known keys: http, undici, kafkajs, pino, runtime-node',
          source: 'file',
        }),
      ]);
    });

    it('should treat an empty file and null values as not set', () => {
      expect(loadWith({}, { file: dir.write('empty.yaml', '') }).config.service.name).toBe(
        'unknown_service:node',
      );
      const { config } = loadWith(
        {},
        { file: dir.write('nulls.yaml', 'service:\n  name:\ntraces:\n') },
      );
      expect(config.service.name).toBe('unknown_service:node');
    });

    it('should substitute ${NAME} references from the environment', () => {
      const file = dir.write(
        'sub.yaml',
        'export:\n  headers:\n    authorization: Bearer ${API_TOKEN}\nservice:\n  name: ${env:SVC}-${REGION:-eu}\n',
      );
      const { config } = loadWith({ API_TOKEN: 't0k', SVC: 'shop' }, { file });
      expect({ ...config.traces.export.headers }).toEqual({ authorization: 'Bearer t0k' });
      expect(config.service.name).toBe('shop-eu');
    });

    it('should read an unquoted ${NAME} as a YAML scalar and a quoted one as a string', () => {
      const file = dir.write(
        'typed.yaml',
        'metrics:\n  prometheus:\n    port: ${PORT}\n    host: "${PORT}"\n',
      );
      const { config } = loadWith({ PORT: '9200' }, { file });
      expect(config.metrics.prometheus).toEqual({ port: 9200, host: '9200' });
    });

    it('should not let a substituted value inject structure', () => {
      const file = dir.write('inject.yaml', 'service:\n  name: ${EVIL}\n');
      const { config } = loadWith({ EVIL: 'x\ntraces:\n  enabled: false' }, { file });
      expect(config.service.name).toBe('x\ntraces:\n  enabled: false');
      expect(config.traces.enabled).toBe(true);
    });

    it('should keep $${NAME} as a literal ${NAME}', () => {
      const file = dir.write('escape.yaml', 'service:\n  name: cost-$${DOLLARS}\n');
      expect(loadWith({}, { file }).config.service.name).toBe('cost-${DOLLARS}');
    });

    it('should throw naming every missing variable and the file path', () => {
      const file = dir.write(
        'missing.yaml',
        'service:\n  name: ${NOPE_ONE}\nexport:\n  headers:\n    x-key: ${NOPE_TWO}\n',
      );
      const error = errorOf(() => loadWith({}, { file }));
      expect(error.issues.map((i) => i.path)).toEqual(['service.name', 'export.headers.x-key']);
      expect(error.message).toContain('NOPE_ONE');
      expect(error.message).toContain('NOPE_TWO');
      expect(error.message).toContain(file);
    });

    it('should report a YAML syntax error as a file issue', () => {
      const file = dir.write('broken.yaml', 'service:\n  name: [unclosed\n');
      const error = errorOf(() => loadWith({}, { file }));
      expect(error.issues[0]).toMatchObject({ path: '', received: file, source: 'file' });
      expect(error.issues[0]?.expected).toMatch(/^valid YAML/);
    });

    it('should report a JSON syntax error as a file issue', () => {
      const file = dir.write('broken.json', '{"service": {"name": "x",}');
      expect(errorOf(() => loadWith({}, { file })).issues[0]?.expected).toMatch(/^valid JSON/);
    });

    it('should report a file that does not exist', () => {
      const file = `${dir.write('x.yaml', '')}.absent`;
      const error = errorOf(() => loadWith({}, { file }));
      expect(error.issues[0]).toMatchObject({ path: '', received: file, source: 'file' });
      expect(error.message).toContain('ENOENT');
    });

    it('should reject a file whose top level is not an object', () => {
      const file = dir.write('list.yaml', '- a\n- b\n');
      expect(errorOf(() => loadWith({}, { file })).issues[0]?.expected).toBe(
        'a YAML object at the top level',
      );
    });

    it('should load the example of the README', () => {
      const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
      const example = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
      const file = dir.write('readme.yaml', example);
      const { config } = loadWith({ COLLECTOR_TOKEN: 'abc' }, { file });
      expect(config.traces.export.endpoint).toBe('https://collector.example.com:4318/v1/traces');
      expect(config.metrics.export.headers.authorization).toBe('Bearer abc');
      expect(config.metrics.prometheus.port).toBe(9464);
      expect(config.traces.sampler).toEqual({ type: 'parentbased_traceidratio', ratio: 0.25 });
    });

    it('should report file and code problems together', () => {
      const file = dir.write('bad.yaml', 'traces:\n  sampler:\n    ratio: 3\n');
      const error = errorOf(() =>
        loadConfig({ file, env: {}, config: { logLevel: 'loud' as never } }),
      );
      expect(error.issues.map((i) => [i.path, i.source])).toEqual([
        ['traces.sampler.ratio', 'file'],
        ['logLevel', 'code'],
      ]);
    });
  });
});
