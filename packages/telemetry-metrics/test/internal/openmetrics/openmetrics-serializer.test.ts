import { ValueType } from '@opentelemetry/api';
import { PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AggregationTemporality,
  type DataPoint,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import type { RecordedExemplar } from '../../../src/internal/exemplars/types.js';
import { serializeOpenMetrics } from '../../../src/internal/openmetrics/openmetrics-serializer.js';

/** A collection with every kind the Prometheus exporter writes, and names and values to escape. */
async function collectEverything(): Promise<ResourceMetrics> {
  const reader = new PeriodicExportingMetricReader({
    exporter: new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE),
    exportIntervalMillis: 3_600_000,
  });
  const provider = new MeterProvider({
    readers: [reader],
    resource: resourceFromAttributes({ 'service.name': 'om "test"', 'host.id': 7 }),
  });
  const meter = provider.getMeter('scope-a', '1.2.3', { schemaUrl: 'https://example.com/1' });
  const other = provider.getMeter('scope-b');
  const tricky = { path: 'a\\b"c\nd', 'http.status': 200, ok: true, list: ['x', 'y'] };
  meter.createCounter('events.processed', { description: 'Events "seen"\nonce' }).add(5, tricky);
  meter.createCounter('already_total').add(1);
  meter.createCounter('ints', { valueType: ValueType.INT }).add(3, { k: 'v' });
  meter.createUpDownCounter('windows-active').add(-2);
  meter.createGauge('lag').record(Number.POSITIVE_INFINITY);
  const histogram = meter.createHistogram('duration', {
    unit: 's',
    advice: { explicitBucketBoundaries: [0.005, 0.25, 10] },
  });
  for (const value of [0.003, 0.2, 7, 20_000]) histogram.record(value, { route: '/x' });
  other.createHistogram('default.buckets').record(5);
  const { resourceMetrics } = await reader.collect();
  await provider.shutdown();
  return resourceMetrics;
}

/** The sample lines of an exposition, without exemplars, sorted. */
const samples = (exposition: string) =>
  exposition
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.replace(/ # \{.*$/, ''))
    .sort();

/** `family → type` of an exposition's TYPE lines. */
const types = (exposition: string) =>
  Object.fromEntries(
    [...exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map(([, name, type]) => [name, type]),
  );

function pointOf(resourceMetrics: ResourceMetrics, name: string): DataPoint<unknown> {
  const metric = resourceMetrics.scopeMetrics
    .flatMap((scope) => scope.metrics)
    .find((m) => m.descriptor.name === name);
  const point = metric?.dataPoints[0];
  if (point === undefined) throw new Error(`no point of ${name}`);
  return point;
}

const exemplar = (value: number, withIds = true): RecordedExemplar => ({
  value,
  time: [1_700_000_000, 5_000],
  ...(withIds ? { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331' } : {}),
  filteredAttributes: {},
});

describe('serializeOpenMetrics', () => {
  let resourceMetrics: ResourceMetrics;

  beforeAll(async () => {
    resourceMetrics = await collectEverything();
  });

  it("should write exactly the samples of the exporter's text format, with the same names, labels and values (the gate when the exporter changes its rules)", () => {
    const text = new PrometheusSerializer().serialize(resourceMetrics);
    const openMetrics = serializeOpenMetrics(resourceMetrics, new Map());
    expect(samples(openMetrics)).toEqual(samples(text));
    expect(samples(openMetrics).length).toBeGreaterThan(15);
  });

  it('should declare each family as the text format does, counters without their _total', () => {
    const text = types(new PrometheusSerializer().serialize(resourceMetrics));
    const expected = Object.fromEntries(
      Object.entries(text).map(([name, type]) => [
        type === 'counter' ? name.replace(/_total$/, '') : name,
        type,
      ]),
    );
    expect(types(serializeOpenMetrics(resourceMetrics, new Map()))).toEqual(expected);
  });

  it('should end with # EOF and hold no comment but HELP and TYPE, escaping quotes in HELP', () => {
    const openMetrics = serializeOpenMetrics(resourceMetrics, new Map());
    expect(openMetrics.endsWith('\n# EOF\n')).toBe(true);
    const comments = openMetrics.split('\n').filter((line) => line.startsWith('#'));
    expect(comments.filter((line) => !/^# (HELP|TYPE) /.test(line))).toEqual(['# EOF']);
    expect(openMetrics).toContain('# HELP events_processed Events \\"seen\\"\\nonce\n');
  });

  it('should write the exemplar of a counter on its sample, with ids, value and seconds since the epoch', () => {
    const point = pointOf(resourceMetrics, 'events.processed');
    const openMetrics = serializeOpenMetrics(resourceMetrics, new Map([[point, [exemplar(5)]]]));
    const line = openMetrics.split('\n').find((l) => l.startsWith('events_processed_total'));
    expect(line).toMatch(
      / 5 # \{trace_id="0af7651916cd43dd8448eb211c80319c",span_id="b7ad6b7169203331"\} 5 1700000000\.000005000$/,
    );
  });

  it('should write an exemplar without a span with an empty label set', () => {
    const point = pointOf(resourceMetrics, 'ints');
    const openMetrics = serializeOpenMetrics(
      resourceMetrics,
      new Map([[point, [exemplar(3, false)]]]),
    );
    expect(openMetrics).toMatch(
      /^ints_total\{k="v",otel_scope_name="scope-a",.*\} 3 # \{\} 3 1700000000\.000005000$/m,
    );
  });

  it('should write each histogram exemplar on the bucket that counts its value, the latest winning a shared bucket', () => {
    const point = pointOf(resourceMetrics, 'duration');
    const exemplars = [exemplar(20_000), exemplar(0.004), exemplar(0.2), exemplar(0.0045)];
    const openMetrics = serializeOpenMetrics(resourceMetrics, new Map([[point, exemplars]]));
    const withExemplar = openMetrics
      .split('\n')
      .filter((line) => line.startsWith('duration_bucket') && line.includes(' # {'))
      .map((line) => [line.match(/le="([^"]+)"/)?.[1], line.replace(/^.* # \{[^}]*\} /, '')]);
    expect(withExemplar).toEqual([
      ['0.005', '0.0045 1700000000.000005000'],
      ['0.25', '0.2 1700000000.000005000'],
      ['+Inf', '20000 1700000000.000005000'],
    ]);
  });

  it('should write no exemplar on gauges, which OpenMetrics does not allow', () => {
    const point = pointOf(resourceMetrics, 'lag');
    const openMetrics = serializeOpenMetrics(resourceMetrics, new Map([[point, [exemplar(1)]]]));
    expect(openMetrics).not.toContain('trace_id');
  });
});
