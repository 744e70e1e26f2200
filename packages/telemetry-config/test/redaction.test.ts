import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import {
  loadConfig,
  redactConfig,
  type TelemetryConfig,
  TelemetryConfigError,
} from '../src/index.js';

const SECRETS = ['Bearer s3cret-1', 'k3y-2', 'pa55word', 'sess-4', 'tok-5', 'qs-6'];

function secretConfig(): TelemetryConfig {
  return loadConfig({
    env: { OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20s3cret-1' },
    config: {
      export: { endpoint: 'https://user:pa55word@collector.example:4318/?api_key=qs-6&region=eu' },
      traces: { export: { headers: { 'x-api-key': 'k3y-2' } } },
      resource: { attributes: { 'session.cookie': 'sess-4', 'auth.token': 'tok-5', team: 'core' } },
    },
  });
}

/** Every way a config (or part of it) may end up in a log. */
const PRINTERS: [string, (value: unknown) => string][] = [
  ['JSON.stringify', (value) => JSON.stringify(value)],
  ['JSON.stringify with indent', (value) => JSON.stringify(value, null, 2)],
  ['String()', (value) => String(value)],
  ['template literal', (value) => `${value}`],
  ['util.inspect', (value) => inspect(value)],
  ['util.inspect deep', (value) => inspect(value, { depth: Number.POSITIVE_INFINITY })],
  ['util.inspect nested in an object', (value) => inspect({ wrapper: { value } }, { depth: 10 })],
  ['JSON.stringify nested in an object', (value) => JSON.stringify({ wrapper: { value } })],
  // console.dir() inspects with customInspect: false, past the redacting inspect hook.
  [
    'util.inspect without custom inspect',
    (value) => inspect(value, { customInspect: false, depth: 10 }),
  ],
  [
    'console.dir',
    (value) => {
      let text = '';
      const sink = new Writable({
        write(chunk, _encoding, done) {
          text += String(chunk);
          done();
        },
      });
      new Console(sink).dir(value, { depth: null });
      return text;
    },
  ],
];

const SECTIONS: [string, (config: TelemetryConfig) => unknown][] = [
  ['the whole config', (config) => config],
  ['config.traces', (config) => config.traces],
  ['config.traces.export', (config) => config.traces.export],
  ['config.traces.export.headers', (config) => config.traces.export.headers],
  ['config.metrics.export.headers', (config) => config.metrics.export.headers],
  ['config.resource', (config) => config.resource],
  ['config.resource.attributes', (config) => config.resource.attributes],
];

const CASES = PRINTERS.flatMap(([printer, print]) =>
  SECTIONS.map(([section, pick]) => [printer, section, print, pick] as const),
);

describe('redaction', () => {
  describe('printed forms', () => {
    it.each(CASES)('should redact %s of %s', (_printer, _section, print, pick) => {
      const text = print(pick(secretConfig()));
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    });

    it('should keep non-secret values readable when printed', () => {
      const text = JSON.stringify(secretConfig());
      expect(text).toContain('"team":"core"');
      expect(text).toContain(
        'https://[REDACTED]@collector.example:4318/v1/traces?api_key=[REDACTED]&region=eu',
      );
      expect(text).toContain('"authorization":"[REDACTED]"');
    });

    it('should redact console.log output', () => {
      const lines: string[] = [];
      jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
        lines.push(String(chunk));
        return true;
      });
      new Console(process.stdout).log(secretConfig().traces.export);
      expect(lines.join('')).toContain('[REDACTED]');
      for (const secret of SECRETS) expect(lines.join('')).not.toContain(secret);
    });
  });

  describe('raw values', () => {
    it('should keep raw values for exporters', () => {
      const config = secretConfig();
      expect({ ...config.traces.export.headers }).toEqual({
        authorization: 'Bearer s3cret-1',
        'x-api-key': 'k3y-2',
      });
      expect(config.traces.export.headers.authorization).toBe('Bearer s3cret-1');
      expect(config.metrics.export.endpoint).toBe(
        'https://user:pa55word@collector.example:4318/v1/metrics?api_key=qs-6&region=eu',
      );
      expect(Object.entries(config.resource.attributes)).toContainEqual(['auth.token', 'tok-5']);
    });

    it('should hide the printing helpers from iteration', () => {
      const config = secretConfig();
      expect(Object.keys(config.traces.export.headers)).toEqual(['authorization', 'x-api-key']);
      expect(Object.keys(config)).not.toContain('toJSON');
    });
  });

  describe('redactConfig', () => {
    it('should return a redacted plain copy and leave the config untouched', () => {
      const config = secretConfig();
      const redacted = redactConfig(config);
      expect(redacted.traces.export.headers).toEqual({
        authorization: '[REDACTED]',
        'x-api-key': '[REDACTED]',
      });
      expect(redacted.resource.attributes).toEqual({
        'session.cookie': '[REDACTED]',
        'auth.token': '[REDACTED]',
        team: 'core',
      });
      expect(config.traces.export.headers['x-api-key']).toBe('k3y-2');
    });
  });

  describe('TelemetryConfigError', () => {
    it('should not print a secret that failed validation', () => {
      let message = '';
      try {
        loadConfig({
          env: {},
          config: {
            export: { endpoint: 'ftp://u:pa55word@x', headers: { 'x-api-key': 'k3y-2\n' } },
          },
        });
      } catch (error) {
        expect(error).toBeInstanceOf(TelemetryConfigError);
        message = `${(error as Error).message} ${inspect(error)} ${JSON.stringify((error as TelemetryConfigError).issues)}`;
      }
      expect(message).toContain('[REDACTED]');
      for (const secret of SECRETS) expect(message).not.toContain(secret);
    });
  });
});
