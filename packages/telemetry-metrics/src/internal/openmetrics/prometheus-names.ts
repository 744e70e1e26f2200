import type { Attributes } from '@opentelemetry/api';
import { DataPointType, type MetricData } from '@opentelemetry/sdk-metrics';

// The naming and escaping rules of @opentelemetry/exporter-prometheus 0.223's
// `PrometheusSerializer` (private functions there), so a series has the same name and labels in
// OpenMetrics as in the text format. `openmetrics-serializer.test.ts` compares both outputs
// sample for sample: the gate when the exporter changes its rules.

function escapeString(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** A label value: strings as they are, anything else as JSON, `undefined` as `''`. */
function escapeLabelValue(value: unknown = ''): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return escapeString(text).replace(/"/g, '\\"');
}

/** A HELP text in OpenMetrics, which escapes double quotes too. */
export function escapeHelp(text: string): string {
  return escapeString(text).replace(/"/g, '\\"');
}

/** A metric or label name: characters Prometheus does not allow become `_`, runs of `_` one. */
export function sanitizeName(name: string): string {
  return name.replace(/[^a-z0-9_]/gi, '_').replace(/_{2,}/g, '_');
}

/**
 * The Prometheus name of a metric (a monotonic sum with its `_total`), or `undefined` for a
 * name that normalizes to nothing, which the exporter skips too.
 */
export function prometheusName(metric: MetricData): string | undefined {
  let name = sanitizeName(escapeString(metric.descriptor.name));
  if (name === '' || name === '_') return undefined;
  const first = name[0] as string;
  if (first >= '0' && first <= '9') name = `_${name}`;
  if (
    metric.dataPointType === DataPointType.SUM &&
    metric.isMonotonic &&
    !name.endsWith('_total')
  ) {
    name = `${name}_total`;
  }
  return name;
}

/** `{key="value",…}` of `attributes` then `additional`, or `''` when both are empty. */
export function labels(attributes: Attributes, additional?: Attributes): string {
  let text = '';
  for (const source of [attributes, additional ?? {}]) {
    for (const [key, value] of Object.entries(source)) {
      text += `${text.length > 0 ? ',' : ''}${sanitizeName(key)}="${escapeLabelValue(value)}"`;
    }
  }
  return text === '' ? '' : `{${text}}`;
}

/** A sample value: `+Inf`, `-Inf`, `NaN` or the number. */
export function valueString(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return `${value}`;
}
