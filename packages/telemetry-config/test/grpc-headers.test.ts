import { loadConfig, TelemetryConfigError } from '../src/index.js';
import { loadWith } from './helpers.js';

// Issue 14 D4: headers loadConfig accepted made building a gRPC exporter throw (gRPC metadata
// takes lower-case token keys, printable ASCII values and no `-bin` keys without binary values).

describe('loadConfig', () => {
  describe('headers for gRPC', () => {
    it.each([
      ['a!b=1', 'a!b'],
      ['x-bin=abc', 'x-bin'],
      ['k=%C3%BC', 'k'],
      ['k=a%09b', 'k'],
    ])('should warn about OTEL_EXPORTER_OTLP_HEADERS=%j for grpc and drop %j', (value, key) => {
      const { config, warnings } = loadWith({
        OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
        OTEL_EXPORTER_OTLP_HEADERS: `${value},x-ok=1`,
      });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ variable: 'OTEL_EXPORTER_OTLP_HEADERS' });
      expect(warnings[0]?.message).toContain(key);
      expect(warnings[0]?.message).toContain('gRPC');
      for (const signal of ['traces', 'metrics'] as const) {
        expect(config[signal].export.headers).toEqual({ 'x-ok': '1' });
      }
    });

    it('should name the per-signal variable and keep the header for the HTTP signal', () => {
      const { config, warnings } = loadWith({
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc',
        OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'k=%C3%BC',
        OTEL_EXPORTER_OTLP_HEADERS: 'k=%C3%BC',
      });
      expect(warnings.map((warning) => warning.variable)).toEqual([
        'OTEL_EXPORTER_OTLP_TRACES_HEADERS',
      ]);
      expect(config.traces.export.headers).toEqual({});
      expect(config.metrics.export.headers).toEqual({ k: 'ü' });
    });

    it('should never print the value of a dropped header', () => {
      const { warnings } = loadWith({
        OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
        OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20s3cr%C3%A9t',
      });
      expect(warnings).toHaveLength(1);
      expect(JSON.stringify(warnings)).not.toContain('s3cr');
    });

    it('should reject a header gRPC cannot send given in code, naming the field', () => {
      let error: unknown;
      try {
        loadConfig({
          env: {},
          config: {
            export: { protocol: 'grpc' },
            traces: { export: { headers: { 'a!b': 's3cret' } } },
          },
        });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(TelemetryConfigError);
      const { issues, message } = error as TelemetryConfigError;
      expect(issues).toEqual([
        expect.objectContaining({
          path: 'traces.export.headers.a!b',
          received: '[REDACTED]',
          source: 'code',
        }),
      ]);
      expect(message).not.toContain('s3cret');
    });
  });

  describe('headers for HTTP', () => {
    it('should warn about a header value Node.js cannot send (beyond Latin-1)', () => {
      const { config, warnings } = loadWith({ OTEL_EXPORTER_OTLP_HEADERS: 'k=%E2%82%AC' });
      expect(warnings.map((warning) => warning.variable)).toEqual(['OTEL_EXPORTER_OTLP_HEADERS']);
      expect(config.traces.export.headers).toEqual({});
    });
  });
});
