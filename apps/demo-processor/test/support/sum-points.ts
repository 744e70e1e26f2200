import type { OtlpReceiver, ReceivedMetricPoint } from '@proc/telemetry-testing';

/** Sum of the values of `name`'s latest points (histograms: of their counts) matching `attributes`. */
export function sumLatest(
  receiver: OtlpReceiver,
  name: string,
  attributes: Record<string, unknown> = {},
  of: (p: ReceivedMetricPoint) => number = (p) => Number(p.histogram?.count ?? p.value ?? 0),
): number {
  return receiver
    .metric(name)
    .filter((p) => Object.entries(attributes).every(([k, v]) => p.attributes[k] === v))
    .reduce((sum, p) => sum + of(p), 0);
}
