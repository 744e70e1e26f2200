import { supportedVariables } from '../src/internal/env-origins.js';
import { closestVariable } from '../src/internal/env-unknown.js';
import { UNSUPPORTED_VALUES, UNSUPPORTED_VARIABLES } from '../src/internal/unsupported-env.js';
import { loadWith } from './helpers.js';

describe('loadConfig', () => {
  describe('known but unsupported variables', () => {
    it.each([
      ['OTEL_EXPORTER_ZIPKIN_ENDPOINT', 'http://zipkin:9411/api/v2/spans', 'no Zipkin exporter'],
      ['OTEL_EXPORTER_JAEGER_AGENT_HOST', 'jaeger', 'Jaeger takes OTLP'],
      ['OTEL_CONFIG_FILE', 'otel.yaml', 'PROC_TELEMETRY_CONFIG_FILE'],
      ['OTEL_EXPORTER_OTLP_SPAN_INSECURE', 'true', 'OTEL_EXPORTER_OTLP_TRACES_INSECURE'],
    ])('should warn once about %s, saying why', (variable, value, why) => {
      const { warnings } = loadWith({ [variable]: value });
      expect(warnings).toEqual([
        expect.objectContaining({ variable, expected: expect.stringContaining(why) }),
      ]);
      expect(warnings[0]?.message).toContain(`ignoring ${variable}=`);
      expect(warnings[0]?.message).toContain('not supported');
    });

    it('should redact credentials in the URL of an unsupported variable', () => {
      const { warnings } = loadWith({
        OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'http://u:secret@zipkin:9411',
      });
      expect(warnings[0]?.message).not.toContain('secret');
    });

    it.each([
      ['OTEL_TRACES_SAMPLER', 'jaeger_remote', 'remote sampling'],
      ['OTEL_TRACES_SAMPLER', 'parentbased_jaeger_remote', 'remote sampling'],
      ['OTEL_PROPAGATORS', 'tracecontext,xray', 'X-Ray propagator'],
      ['OTEL_TRACES_EXPORTER', 'zipkin,otlp', 'no Zipkin exporter'],
    ])('should say why %s=%s cannot be used', (variable, value, why) => {
      const { warnings } = loadWith({ [variable]: value });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ variable, expected: expect.stringContaining(why) });
      expect(warnings[0]?.expected).toContain('is not supported');
    });

    it('should list only variables that loadConfig() does not read', () => {
      const supported = supportedVariables();
      for (const { name } of UNSUPPORTED_VARIABLES) {
        expect(supported.filter((known) => known.startsWith(name))).toEqual([]);
      }
      for (const { variable } of UNSUPPORTED_VALUES) expect(supported).toContain(variable);
    });
  });

  describe('misspelt variables', () => {
    it('should ask "did you mean" for a name a few letters from a supported one, without its value', () => {
      const { warnings } = loadWith({ OTEL_EXPORTER_OTLP_HEDAERS: 'authorization=Bearer s3cret' });
      expect(warnings).toEqual([
        expect.objectContaining({
          variable: 'OTEL_EXPORTER_OTLP_HEDAERS',
          value: '[REDACTED]',
          expected: 'an unknown variable: did you mean OTEL_EXPORTER_OTLP_HEADERS?',
        }),
      ]);
      expect(warnings[0]?.message).not.toContain('s3cret');
    });

    it('should pass the variables of instrumentations and other tools silently', () => {
      const { warnings } = loadWith({
        OTEL_SEMCONV_STABILITY_OPT_IN: 'http',
        OTEL_INSTRUMENTATION_HTTP_KNOWN_METHODS: 'GET',
        NODE_OPTIONS: '--enable-source-maps',
      });
      expect(warnings).toEqual([]);
    });

    it('should not warn about a supported variable or an empty one', () => {
      const { warnings } = loadWith({ OTEL_SERVICE_NAME: 'svc', OTEL_EXPORTER_OTLP_HEDAERS: ' ' });
      expect(warnings).toEqual([]);
    });

    it('should read the byte bound of the export queue, for every signal and per signal, silently', () => {
      const { config, warnings } = loadWith({
        PROC_TELEMETRY_MAX_QUEUE_BYTES: '4096',
        PROC_TELEMETRY_LOGS_MAX_QUEUE_BYTES: '2048',
      });
      expect(warnings).toEqual([]);
      expect(config.traces.export.maxQueueBytes).toBe(4096);
      expect(config.logs.export.maxQueueBytes).toBe(2048);
    });
  });

  describe('closestVariable', () => {
    it('should find the supported name within a few edits, and nothing further away', () => {
      const known = supportedVariables();
      expect(closestVariable('OTEL_SERVICE_NAM', known)).toBe('OTEL_SERVICE_NAME');
      expect(closestVariable('OTEL_BSP_MAX_QUEUE_SIZ', known)).toBe('OTEL_BSP_MAX_QUEUE_SIZE');
      expect(closestVariable('OTEL_SOMETHING_ELSE_ENTIRELY', known)).toBeUndefined();
    });
  });
});

describe('span limit names of the JS SDK', () => {
  it.each([
    ['OTEL_SPAN_ATTRIBUTE_PER_EVENT_COUNT_LIMIT', 'attributePerEventCountLimit'],
    ['OTEL_SPAN_ATTRIBUTE_PER_LINK_COUNT_LIMIT', 'attributePerLinkCountLimit'],
  ] as const)('should read %s as NodeSDK does', (variable, field) => {
    const { config, warnings } = loadWith({ [variable]: '7' });
    expect(config.traces.limits[field]).toBe(7);
    expect(warnings).toEqual([]);
  });

  it('should prefer the specification name and warn, naming both, when they differ', () => {
    const { config, warnings } = loadWith({
      OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT: '16',
      OTEL_SPAN_ATTRIBUTE_PER_EVENT_COUNT_LIMIT: '32',
    });
    expect(config.traces.limits.attributePerEventCountLimit).toBe(16);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('OTEL_SPAN_ATTRIBUTE_PER_EVENT_COUNT_LIMIT="32"');
    expect(warnings[0]?.message).toContain('OTEL_EVENT_ATTRIBUTE_COUNT_LIMIT (16)');
  });

  it('should not warn when both names give the same value', () => {
    const { config, warnings } = loadWith({
      OTEL_LINK_ATTRIBUTE_COUNT_LIMIT: '8',
      OTEL_SPAN_ATTRIBUTE_PER_LINK_COUNT_LIMIT: '8',
    });
    expect(config.traces.limits.attributePerLinkCountLimit).toBe(8);
    expect(warnings).toEqual([]);
  });
});
