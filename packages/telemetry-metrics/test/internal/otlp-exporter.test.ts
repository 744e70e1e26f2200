import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { createOtlpMetricExporter } from '../../src/internal/otlp-exporter.js';
import { createTestMetricCollector } from '../helpers/test-metric-collector.js';
import { createTestMetricsConfig } from '../helpers/test-metrics-config.js';

describe('createOtlpMetricExporter', () => {
  describe('export()', () => {
    it('should refuse a collection larger than export.maxQueueBytes, counted as dropped, without sending it', async () => {
      const collector = createTestMetricCollector();
      const meterProvider = new MeterProvider({ readers: [collector.reader] });
      meterProvider.getMeter('t').createCounter('events').add(3, { kind: 'order' });
      await collector.reader.forceFlush();
      const resourceMetrics = collector.exporter.getMetrics()[0];
      if (resourceMetrics === undefined) throw new Error('nothing was collected');
      // An endpoint nothing listens on: a collection that reached it would fail, not drop.
      const config = createTestMetricsConfig({
        export: { endpoint: 'http://127.0.0.1:9/v1/metrics', maxQueueBytes: 8 },
      });
      const exporter = createOtlpMetricExporter(config.export, 'cumulative');
      const result = await new Promise<ExportResult>((resolve) =>
        exporter.export(resourceMetrics, resolve),
      );
      expect(result.code).toBe(ExportResultCode.FAILED);
      expect(String(result.error)).toMatch(/the export queue is full/);
      expect(exporter.exportCounts()).toMatchObject({ dropped: 1, exported: 0, failed: 0 });
      await exporter.shutdown();
      await meterProvider.shutdown();
    });
  });
});
