import { defaultTelemetryConfig, loadConfig } from '@proc/telemetry-config';
import { createInstrumentations, INSTRUMENTATION_NAMES } from '../src/index.js';

describe('createInstrumentations', () => {
  it('should build nothing by default', () => {
    expect(createInstrumentations(defaultTelemetryConfig().instrumentations)).toEqual([]);
  });

  it('should build the official instrumentation of every enabled name, disabled', () => {
    const config = loadConfig({
      env: { OTEL_NODE_ENABLED_INSTRUMENTATIONS: INSTRUMENTATION_NAMES.join(',') },
    });
    const instrumentations = createInstrumentations(config.instrumentations);
    expect(instrumentations.map((i) => i.instrumentationName)).toEqual([
      '@opentelemetry/instrumentation-http',
      '@opentelemetry/instrumentation-undici',
      '@opentelemetry/instrumentation-kafkajs',
      '@opentelemetry/instrumentation-pino',
      '@opentelemetry/instrumentation-runtime-node',
    ]);
    expect(instrumentations.every((i) => i.getConfig().enabled === false)).toBe(true);
  });

  it('should honour OTEL_NODE_DISABLED_INSTRUMENTATIONS', () => {
    const config = loadConfig({
      env: {
        OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http,pino',
        OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'pino',
      },
    });
    expect(
      createInstrumentations(config.instrumentations).map((i) => i.instrumentationName),
    ).toEqual(['@opentelemetry/instrumentation-http']);
  });
});
