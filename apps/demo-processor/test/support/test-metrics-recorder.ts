import type { MetricsRecorder } from '@proc/telemetry';

type Attributes = Record<string, unknown>;

/** One call of the recorder. */
export interface TestRecording {
  kind: 'counter' | 'upDown' | 'histogram' | 'gauge';
  name: string;
  value: number;
  attributes: Attributes;
}

/** A MetricsRecorder that keeps its calls, for unit tests without a meter provider. */
export function createTestMetricsRecorder(): MetricsRecorder & {
  readonly recordings: TestRecording[];
  /** Sum of the values recorded under `name`, optionally only those with `attributes`. */
  total(name: string, attributes?: Attributes): number;
} {
  const recordings: TestRecording[] = [];
  const push =
    (kind: TestRecording['kind']) =>
    (name: string, value = 1, attributes: Attributes = {}) => {
      recordings.push({ kind, name, value, attributes });
    };
  return {
    recordings,
    commonAttributes: {},
    recordCounter: push('counter'),
    recordUpDown: push('upDown'),
    recordHistogram: push('histogram'),
    recordGauge: push('gauge'),
    observeGauge: () => () => undefined,
    total(name, attributes = {}) {
      return recordings
        .filter((r) => r.name === name)
        .filter((r) => Object.entries(attributes).every(([k, v]) => r.attributes[k] === v))
        .reduce((sum, r) => sum + r.value, 0);
    },
  };
}
