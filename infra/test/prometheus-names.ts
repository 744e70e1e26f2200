import type { ReceivedMetricPoint } from '@proc/telemetry-testing';

// How the OpenTelemetry Collector's Prometheus exporter names an OTLP metric (its default
// translation, with suffixes): non-[a-zA-Z0-9_:] characters become `_`, the unit is appended
// (`s` -> `_seconds`; annotations such as `{event}` are dropped), monotonic sums get `_total`,
// histograms are exposed as `_bucket`, `_sum` and `_count`.

const UNIT_WORDS: Record<string, string> = {
  s: 'seconds',
  ms: 'milliseconds',
  us: 'microseconds',
  ns: 'nanoseconds',
  By: 'bytes',
  KiBy: 'kibibytes',
  MiBy: 'mebibytes',
  '%': 'percent',
};

function unitSuffix(unit: string, type: ReceivedMetricPoint['type']): string {
  const plain = unit.replace(/\{[^}]*\}/g, '').trim();
  if (plain === '1') return type === 'gauge' ? 'ratio' : '';
  return UNIT_WORDS[plain] ?? plain.replace(/[^a-zA-Z0-9]/g, '_').toLowerCase();
}

/** The Prometheus series names of one OTLP metric. */
export function prometheusNames(metric: {
  name: string;
  unit: string;
  type: ReceivedMetricPoint['type'];
  isMonotonic?: boolean;
}): string[] {
  let base = metric.name.replace(/[^a-zA-Z0-9_:]/g, '_').replace(/__+/g, '_');
  const suffix = unitSuffix(metric.unit, metric.type);
  if (suffix && !base.endsWith(`_${suffix}`)) base = `${base}_${suffix}`;
  if (metric.type === 'sum' && metric.isMonotonic) return [`${base}_total`];
  if (metric.type === 'histogram') return [`${base}_bucket`, `${base}_sum`, `${base}_count`];
  return [base];
}
