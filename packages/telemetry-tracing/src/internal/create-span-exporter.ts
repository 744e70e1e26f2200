import { ConsoleSpanExporter, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { TraceConfig } from '@proc/telemetry-config';
import { createOtlpExporter } from './create-otlp-exporter.js';

/**
 * The exporter `config` names, or undefined when nothing is exported (`enabled: false` or
 * exporter `none`).
 */
export function createSpanExporter(config: TraceConfig): SpanExporter | undefined {
  if (!config.enabled) return undefined;
  switch (config.exporter) {
    case 'none':
      return undefined;
    case 'console':
      return new ConsoleSpanExporter();
    case 'otlp':
      return createOtlpExporter(config.export, config.batch);
  }
}
