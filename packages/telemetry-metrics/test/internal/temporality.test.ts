import { AggregationTemporality, InstrumentType } from '@opentelemetry/sdk-metrics';
import type { ExportConfig, TemporalityPreference } from '@proc/telemetry-config';
import { createOtlpMetricExporter } from '../../src/internal/otlp-exporter.js';
import { temporalitySelector } from '../../src/internal/temporality.js';
import { createTestMetricsConfig } from '../helpers/test-metrics-config.js';

const { DELTA, CUMULATIVE } = AggregationTemporality;

// The OTLP metric exporter specification's table
// (https://opentelemetry.io/docs/specs/otel/metrics/sdk_exporters/otlp/), per instrument kind.
const SPEC: Record<
  TemporalityPreference,
  Partial<Record<InstrumentType, AggregationTemporality>>
> = {
  cumulative: {
    [InstrumentType.COUNTER]: CUMULATIVE,
    [InstrumentType.OBSERVABLE_COUNTER]: CUMULATIVE,
    [InstrumentType.HISTOGRAM]: CUMULATIVE,
    [InstrumentType.UP_DOWN_COUNTER]: CUMULATIVE,
    [InstrumentType.OBSERVABLE_UP_DOWN_COUNTER]: CUMULATIVE,
  },
  delta: {
    [InstrumentType.COUNTER]: DELTA,
    [InstrumentType.OBSERVABLE_COUNTER]: DELTA,
    [InstrumentType.HISTOGRAM]: DELTA,
    [InstrumentType.UP_DOWN_COUNTER]: CUMULATIVE,
    [InstrumentType.OBSERVABLE_UP_DOWN_COUNTER]: CUMULATIVE,
  },
  lowmemory: {
    [InstrumentType.COUNTER]: DELTA,
    [InstrumentType.OBSERVABLE_COUNTER]: CUMULATIVE,
    [InstrumentType.HISTOGRAM]: DELTA,
    [InstrumentType.UP_DOWN_COUNTER]: CUMULATIVE,
    [InstrumentType.OBSERVABLE_UP_DOWN_COUNTER]: CUMULATIVE,
  },
};

const cases = (Object.keys(SPEC) as TemporalityPreference[]).flatMap((preference) =>
  Object.entries(SPEC[preference]).map(
    ([type, expected]) => [preference, type as InstrumentType, expected] as const,
  ),
);

describe('temporality', () => {
  describe('temporalitySelector', () => {
    it.each(cases)(
      'should select for %s and %s the temporality the spec defines',
      (preference, type, expected) => {
        expect(temporalitySelector(preference)(type)).toBe(expected);
      },
    );
  });

  describe('createOtlpMetricExporter', () => {
    const protocols: ExportConfig['protocol'][] = ['grpc', 'http/protobuf', 'http/json'];
    const protocolCases = protocols.flatMap((protocol) =>
      cases.map((c) => [protocol, ...c] as const),
    );

    it.each(protocolCases)(
      'should make the %s exporter select for %s and %s the temporality the spec defines',
      async (protocol, preference, type, expected) => {
        const config = createTestMetricsConfig({
          export: { protocol, endpoint: 'http://127.0.0.1:4317' },
        });
        const exporter = createOtlpMetricExporter(config.export, preference);
        try {
          expect(exporter.selectAggregationTemporality?.(type)).toBe(expected);
        } finally {
          await exporter.shutdown();
        }
      },
    );

    it('should ignore OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE: the configuration decides', async () => {
      const saved = process.env.OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE;
      process.env.OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE = 'delta';
      const exporter = createOtlpMetricExporter(createTestMetricsConfig().export, 'cumulative');
      try {
        expect(exporter.selectAggregationTemporality?.(InstrumentType.COUNTER)).toBe(CUMULATIVE);
      } finally {
        if (saved === undefined)
          delete process.env.OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE;
        else process.env.OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE = saved;
        await exporter.shutdown();
      }
    });
  });
});
