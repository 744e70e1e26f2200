import { createSignalExport } from './create-signal-export.js';
import { signalExporters } from './signal-exporters.js';
import type { ExportSelfMetricsCounts, SignalExport, SignalProcessorsOptions } from './types.js';

/**
 * A signal's batching processors, one per exporter `signalExporters()` lists for its section (the
 * OTLP one first), each on its own `createSignalExport()` path; none when nothing is exported.
 * `createProcessor` builds the signal's processor on those parts; the OTLP path's health metrics
 * read that processor's counts.
 * @throws Error naming the option (`<signal>.export.tls...`) when a TLS file cannot be read.
 */
export function createSignalProcessors<
  I,
  P extends {
    /** The processor's counts for the OTLP path's health metrics. */
    selfMetricsCounts(): ExportSelfMetricsCounts | undefined;
  },
>(
  options: SignalProcessorsOptions<I>,
  createProcessor: (parts: SignalExport<I, unknown>) => P,
): P[] {
  return signalExporters(options.section, options.exporter).map((exporter) => {
    let processor: P | undefined;
    processor = createProcessor(
      createSignalExport({
        ...options,
        exporter,
        readSelfMetrics: () => processor?.selfMetricsCounts(),
      }),
    );
    return processor;
  });
}
