import type { ItemExporter, SignalExporterChoice, SignalExportSection } from './types.js';

/**
 * The exporters a signal section feeds, one export path each, in the order they are built: the
 * OTLP one first, because its counts are the ones a handle reports. `exporter` (one passed in
 * code) replaces the listed ones; nothing when the section is off (`enabled: false`), the list
 * is empty or names `none` (`none` wins over anything beside it, as `loadConfig()` reads it).
 * Listing a name twice builds it once; names other than `otlp` and `console` build nothing.
 */
export function signalExporters<I>(
  section: Pick<SignalExportSection, 'enabled' | 'exporter'>,
  exporter?: ItemExporter<I>,
): SignalExporterChoice<I>[] {
  if (!section.enabled) return [];
  if (exporter) return [exporter];
  if (section.exporter.includes('none')) return [];
  const names = [...new Set(section.exporter)].filter(
    (name): name is 'otlp' | 'console' => name === 'otlp' || name === 'console',
  );
  return names.sort((a, b) => Number(b === 'otlp') - Number(a === 'otlp'));
}
