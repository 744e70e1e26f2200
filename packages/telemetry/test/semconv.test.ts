import * as metrics from '@proc/telemetry-metrics';
import * as resource from '@proc/telemetry-resource';
import * as semconvPackage from '@proc/telemetry-semconv';
import * as tracing from '@proc/telemetry-tracing';
import * as main from '../src/index.js';
import * as semconv from '../src/semconv.js';

const isConstantName = (name: string) => /^[A-Z][A-Z0-9_]*$/.test(name);

describe('@proc/telemetry/semconv', () => {
  it('should hold every attribute key, span name, resource key and metric name of the sub-packages', () => {
    const expected = {
      ...semconvPackage,
      ...Object.fromEntries(Object.entries(tracing).filter(([name]) => name.startsWith('SPAN_'))),
      ...Object.fromEntries(Object.entries(resource).filter(([name]) => isConstantName(name))),
      METRIC_NAMES: metrics.METRIC_NAMES,
      METRIC_ATTRIBUTES: metrics.METRIC_ATTRIBUTES,
      METRIC_DEFINITIONS: metrics.METRIC_DEFINITIONS,
    };
    expect(Object.keys(semconv).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, value] of Object.entries(expected)) {
      expect([name, (semconv as Record<string, unknown>)[name]]).toEqual([name, value]);
    }
  });

  it('should leave the main entry without constants', () => {
    expect(Object.keys(main).filter(isConstantName)).toEqual([]);
    expect(Object.keys(main)).toEqual(expect.arrayContaining(['initTelemetry', 'withSpan']));
  });
});
