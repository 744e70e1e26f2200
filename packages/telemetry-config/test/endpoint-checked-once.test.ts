import { type ConfigWarning, loadConfig } from '../src/index.js';

// Issue 9: the endpoint is checked once, by resolveEndpoint() with the one rule
// (parseOtlpEndpoint()), not by the env reader first and the resolution again.
describe('loadConfig', () => {
  describe('an OTEL_EXPORTER_OTLP_ENDPOINT that is no endpoint', () => {
    it.each(['not a url', 'ftp://collector:21', 'http://'])(
      'should warn once about %j, naming the variable and the accepted forms, and use the default',
      (value) => {
        const warnings: ConfigWarning[] = [];
        const config = loadConfig({
          env: { OTEL_EXPORTER_OTLP_ENDPOINT: value },
          onWarning: (warning) => warnings.push(warning),
        });
        expect(warnings.map(({ variable, expected }) => ({ variable, expected }))).toEqual([
          {
            variable: 'OTEL_EXPORTER_OTLP_ENDPOINT',
            expected: 'an http:// or https:// URL, or host:port with protocol grpc',
          },
        ]);
        expect(config.traces.export.endpoint).toBe('http://localhost:4318/v1/traces');
        expect(config.metrics.export.endpoint).toBe('http://localhost:4318/v1/metrics');
      },
    );
  });
});
