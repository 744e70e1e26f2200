import { ConsoleSpanExporter } from '@opentelemetry/sdk-trace-base';
import { createSpanExporter } from '../../src/internal/create-span-exporter.js';
import { testTraceConfig } from '../helpers/test-trace-config.js';

describe('createSpanExporter', () => {
  describe('createSpanExporter()', () => {
    it('should build a console exporter', () => {
      expect(createSpanExporter(testTraceConfig({ exporter: 'console' }))).toBeInstanceOf(
        ConsoleSpanExporter,
      );
    });

    it('should build nothing for exporter none or enabled false', () => {
      expect(createSpanExporter(testTraceConfig({ exporter: 'none' }))).toBeUndefined();
      expect(createSpanExporter(testTraceConfig({ enabled: false }))).toBeUndefined();
    });
  });
});
