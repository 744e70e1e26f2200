import { context, type Meter, metrics } from '@opentelemetry/api';
import { DataPointType, type Histogram, MeterProvider } from '@opentelemetry/sdk-metrics';
import { installTestDiagLogger, type TestDiagLogger } from '@proc/telemetry-testing';
import {
  createMetricsRecorder,
  DURATION_BUCKET_BOUNDARIES_SECONDS,
  METRIC_ATTRIBUTES,
  METRIC_NAMES,
} from '../src/index.js';
import {
  createTestExemplarProvider,
  type TestExemplarProvider,
} from './helpers/test-exemplar-provider.js';
import {
  createTestMetricCollector,
  findMetric,
  type TestMetricCollector,
} from './helpers/test-metric-collector.js';
import {
  enableTestContext,
  SAMPLED,
  UNSAMPLED,
  withSpanContext,
} from './helpers/test-span-context.js';

describe('MetricsRecorder', () => {
  let collector: TestMetricCollector;
  let provider: MeterProvider;
  let meter: Meter;

  beforeEach(() => {
    collector = createTestMetricCollector();
    provider = new MeterProvider({ readers: [collector.reader] });
    meter = provider.getMeter('recorder-test');
  });

  afterEach(async () => {
    await provider.shutdown();
    metrics.disable();
  });

  const common = { 'service.name': 'orders', 'pipeline.name': 'ingest' };

  describe('createMetricsRecorder', () => {
    it('should freeze a copy of the common attributes', () => {
      const input = { ...common };
      const recorder = createMetricsRecorder({ meter, commonAttributes: input });
      input['pipeline.name'] = 'changed';
      expect(recorder.commonAttributes).toEqual(common);
      expect(Object.isFrozen(recorder.commonAttributes)).toBe(true);
    });

    it('should record on the global meter provider when no meter is given', async () => {
      metrics.setGlobalMeterProvider(provider);
      createMetricsRecorder().recordCounter('global.counter', 2);
      const metric = findMetric(await collector.collect(), 'global.counter');
      expect(metric.dataPoints[0]?.value).toBe(2);
    });
  });

  describe('recordCounter', () => {
    it('should merge common and per-call attributes, the per-call value winning', async () => {
      const recorder = createMetricsRecorder({ meter, commonAttributes: common });
      recorder.recordCounter(METRIC_NAMES.EVENTS_PROCESSED, 3, {
        [METRIC_ATTRIBUTES.EVENT_TYPE]: 'order',
        'pipeline.name': 'override',
      });
      const metric = findMetric(await collector.collect(), METRIC_NAMES.EVENTS_PROCESSED);
      expect(metric.dataPoints).toHaveLength(1);
      expect(metric.dataPoints[0]?.attributes).toEqual({
        'service.name': 'orders',
        'pipeline.name': 'override',
        'processor.event.type': 'order',
      });
      expect(metric.dataPoints[0]?.value).toBe(3);
    });

    it('should apply the unit and description of a predefined metric', async () => {
      createMetricsRecorder({ meter }).recordCounter(METRIC_NAMES.EVENTS_PROCESSED);
      const metric = findMetric(await collector.collect(), METRIC_NAMES.EVENTS_PROCESSED);
      expect(metric.descriptor.unit).toBe('{event}');
      expect(metric.descriptor.description).toBe('Number of events processed successfully.');
      expect(metric.dataPointType).toBe(DataPointType.SUM);
      expect(metric.dataPoints[0]?.value).toBe(1);
    });

    it('should apply definitions given in the options over the built-in ones', async () => {
      const recorder = createMetricsRecorder({
        meter,
        definitions: [
          {
            name: 'orders.rejected',
            kind: 'counter',
            unit: '{order}',
            description: 'Rejected orders.',
          },
        ],
      });
      recorder.recordCounter('orders.rejected', 4);
      const metric = findMetric(await collector.collect(), 'orders.rejected');
      expect(metric.descriptor).toMatchObject({ unit: '{order}', description: 'Rejected orders.' });
    });

    it('should pass the common attributes object itself when there are no per-call attributes', () => {
      const recorder = createMetricsRecorder({ meter, commonAttributes: common });
      const counter = meter.createCounter('spied.counter');
      const createCounter = jest.spyOn(meter, 'createCounter').mockReturnValue(counter);
      const add = jest.spyOn(counter, 'add');
      recorder.recordCounter('spied.counter', 1);
      recorder.recordCounter('spied.counter', 1);
      expect(createCounter).toHaveBeenCalledTimes(1);
      expect(add).toHaveBeenCalledTimes(2);
      expect(add.mock.calls[0]?.[1]).toBe(recorder.commonAttributes);
      expect(add.mock.calls[1]?.[1]).toBe(recorder.commonAttributes);
    });

    it('should pass the per-call attributes object itself when there are no common attributes', () => {
      const recorder = createMetricsRecorder({ meter });
      const counter = meter.createCounter('spied.counter');
      jest.spyOn(meter, 'createCounter').mockReturnValue(counter);
      const add = jest.spyOn(counter, 'add');
      const attributes = { 'processor.event.type': 'order' };
      recorder.recordCounter('spied.counter', 1, attributes);
      expect(add.mock.calls[0]?.[1]).toBe(attributes);
    });

    it('should create each instrument once per meter, across recorders', () => {
      const createCounter = jest.spyOn(meter, 'createCounter');
      const first = createMetricsRecorder({ meter });
      const second = createMetricsRecorder({ meter, commonAttributes: common });
      first.recordCounter('cached.counter');
      first.recordCounter('cached.counter');
      second.recordCounter('cached.counter');
      expect(createCounter).toHaveBeenCalledTimes(1);
    });

    it('should throw naming the instrument when the name was created with another kind', () => {
      const recorder = createMetricsRecorder({ meter });
      recorder.recordHistogram('shared.name', 1);
      expect(() => recorder.recordCounter('shared.name')).toThrow(TypeError);
      expect(() => recorder.recordCounter('shared.name')).toThrow(
        '@proc/telemetry-metrics: instrument "shared.name" was created as a histogram and cannot be recorded as a counter',
      );
    });

    it('should throw when a predefined name is recorded with another kind', () => {
      const recorder = createMetricsRecorder({ meter });
      expect(() => recorder.recordHistogram(METRIC_NAMES.EVENTS_PROCESSED, 1)).toThrow(TypeError);
      expect(() => recorder.recordHistogram(METRIC_NAMES.EVENTS_PROCESSED, 1)).toThrow(
        `@proc/telemetry-metrics: instrument "${METRIC_NAMES.EVENTS_PROCESSED}" is defined as a counter and cannot be recorded as a histogram`,
      );
    });

    it('should throw naming the name and the rule for an invalid name', () => {
      const recorder = createMetricsRecorder({ meter });
      expect(() => recorder.recordCounter('1events')).toThrow(TypeError);
      expect(() => recorder.recordCounter('1events')).toThrow(
        /^@proc\/telemetry-metrics: invalid instrument name "1events": an instrument name starts with a letter/,
      );
    });
  });

  describe('recordUpDown', () => {
    it('should sum positive and negative deltas into a non-monotonic sum', async () => {
      const recorder = createMetricsRecorder({ meter, commonAttributes: common });
      recorder.recordUpDown(METRIC_NAMES.WINDOWS_ACTIVE, 5);
      recorder.recordUpDown(METRIC_NAMES.WINDOWS_ACTIVE, -2);
      const metric = findMetric(await collector.collect(), METRIC_NAMES.WINDOWS_ACTIVE);
      expect(metric.dataPointType).toBe(DataPointType.SUM);
      expect(metric.dataPointType === DataPointType.SUM && metric.isMonotonic).toBe(false);
      expect(metric.dataPoints[0]?.value).toBe(3);
      expect(metric.dataPoints[0]?.attributes).toEqual(common);
    });
  });

  describe('recordHistogram', () => {
    it('should use the duration buckets in seconds for a predefined latency histogram', async () => {
      const recorder = createMetricsRecorder({ meter });
      recorder.recordHistogram(METRIC_NAMES.PROCESSING_DURATION, 0.003);
      recorder.recordHistogram(METRIC_NAMES.PROCESSING_DURATION, 0.2);
      recorder.recordHistogram(METRIC_NAMES.PROCESSING_DURATION, 20);
      const metric = findMetric(await collector.collect(), METRIC_NAMES.PROCESSING_DURATION);
      expect(metric.descriptor.unit).toBe('s');
      const histogram = metric.dataPoints[0]?.value as Histogram;
      expect(histogram.buckets.boundaries).toEqual([...DURATION_BUCKET_BOUNDARIES_SECONDS]);
      expect(histogram.count).toBe(3);
      expect(histogram.sum).toBeCloseTo(20.203);
      const counts = histogram.buckets.counts;
      expect(counts[DURATION_BUCKET_BOUNDARIES_SECONDS.indexOf(0.005)]).toBe(1); // (0.0025, 0.005]
      expect(counts[DURATION_BUCKET_BOUNDARIES_SECONDS.indexOf(0.25)]).toBe(1); // (0.1, 0.25]
      expect(counts[counts.length - 1]).toBe(1); // (10, +Inf)
    });
  });

  describe('recordGauge', () => {
    it('should report the last value recorded per attribute set', async () => {
      const recorder = createMetricsRecorder({ meter, commonAttributes: common });
      recorder.recordGauge(METRIC_NAMES.WATERMARK_LAG, 4, {
        'messaging.destination.partition.id': '1',
      });
      recorder.recordGauge(METRIC_NAMES.WATERMARK_LAG, 2.5, {
        'messaging.destination.partition.id': '1',
      });
      recorder.recordGauge(METRIC_NAMES.WATERMARK_LAG, 7, {
        'messaging.destination.partition.id': '2',
      });
      const metric = findMetric(await collector.collect(), METRIC_NAMES.WATERMARK_LAG);
      expect(metric.dataPointType).toBe(DataPointType.GAUGE);
      const byPartition = Object.fromEntries(
        metric.dataPoints.map((p) => [p.attributes['messaging.destination.partition.id'], p.value]),
      );
      expect(byPartition).toEqual({ '1': 2.5, '2': 7 });
      expect(metric.dataPoints[0]?.attributes['service.name']).toBe('orders');
    });
  });

  describe('observeGauge', () => {
    it('should report observed values with merged attributes at each collection until removed', async () => {
      const recorder = createMetricsRecorder({ meter, commonAttributes: common });
      let depth = 10;
      const remove = recorder.observeGauge('queue.depth', (observe) => {
        observe(depth, { 'queue.name': 'a' });
        observe(depth * 2);
      });
      const first = findMetric(await collector.collect(), 'queue.depth');
      expect(first.dataPointType).toBe(DataPointType.GAUGE);
      expect(first.dataPoints.map((p) => [p.value, p.attributes])).toEqual([
        [10, { ...common, 'queue.name': 'a' }],
        [20, common],
      ]);

      depth = 11;
      const second = findMetric(await collector.collect(), 'queue.depth');
      expect(second.dataPoints.map((p) => p.value)).toEqual([11, 22]);

      remove();
      remove();
      depth = 12;
      const afterRemoval = await collector.collect();
      const values = afterRemoval
        .filter((m) => m.descriptor.name === 'queue.depth')
        .flatMap((m) => m.dataPoints.map((p) => p.value));
      expect(values).not.toContain(12);
    });

    it('should share one observable instrument between callbacks of the same name', async () => {
      const recorder = createMetricsRecorder({ meter });
      const createObservableGauge = jest.spyOn(meter, 'createObservableGauge');
      recorder.observeGauge('pool.size', (observe) => observe(1, { pool: 'a' }));
      recorder.observeGauge('pool.size', (observe) => observe(2, { pool: 'b' }));
      const metric = findMetric(await collector.collect(), 'pool.size');
      expect(createObservableGauge).toHaveBeenCalledTimes(1);
      expect(metric.dataPoints.map((p) => p.value).sort()).toEqual([1, 2]);
    });
  });

  describe('attributes', () => {
    let logger: TestDiagLogger;

    beforeEach(() => {
      logger = installTestDiagLogger();
    });

    afterEach(() => {
      logger.uninstall();
    });

    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;
    const BAD_VALUES = {
      big: 2n ** 60n,
      loop: circular,
      sym: Symbol('s'),
      fn: () => 1,
      nested: { a: 1 },
      mixed: [1, 'one'],
      deep: [[1]],
    };
    const KINDS = ['recordCounter', 'recordUpDown', 'recordHistogram', 'recordGauge'] as const;

    it('should drop BigInt, circular, Symbol and other invalid values instead of throwing, and record the rest (regression: D9, TypeError from the SDK)', async () => {
      const recorder = createMetricsRecorder({ meter, commonAttributes: common });
      for (const kind of KINDS) {
        expect(() =>
          recorder[kind](`bad.${kind}`, 1, {
            'processor.event.type': 'order',
            ...BAD_VALUES,
          } as never),
        ).not.toThrow();
      }
      const collected = await collector.collect();
      for (const kind of KINDS) {
        expect(findMetric(collected, `bad.${kind}`).dataPoints.map((p) => p.attributes)).toEqual([
          { ...common, 'processor.event.type': 'order' },
        ]);
      }
      // Once per key, naming the key and the accepted values, never the value itself.
      expect(logger.texts('warn')).toHaveLength(Object.keys(BAD_VALUES).length);
      expect(logger.texts('warn')[0]).toBe(
        '@proc/telemetry-metrics attribute "big" dropped: received a bigint; accepted: a string, a number, a boolean, or an array of one of these types (null and undefined entries allowed)',
      );
      expect(
        logger.has(
          'warn',
          /attribute "mixed" dropped: received an array mixing number and string;/,
        ),
      ).toBe(true);
      expect(logger.has('warn', /attribute "loop" dropped: received an object;/)).toBe(true);
      expect(logger.has('warn', /attribute "sym" dropped: received a symbol;/)).toBe(true);
    });

    it('should record with the common attributes when attributes are null or not an object (regression: D9)', async () => {
      const recorder = createMetricsRecorder({ meter, commonAttributes: common });
      const plain = createMetricsRecorder({ meter });
      for (const kind of KINDS) {
        expect(() => recorder[kind](`null.${kind}`, 1, null as never)).not.toThrow();
        expect(() => plain[kind](`plain.${kind}`, 1, null as never)).not.toThrow();
        expect(() => recorder[kind](`string.${kind}`, 1, 'abc' as never)).not.toThrow();
      }
      const collected = await collector.collect();
      for (const kind of KINDS) {
        expect(findMetric(collected, `null.${kind}`).dataPoints[0]?.attributes).toEqual(common);
        expect(findMetric(collected, `plain.${kind}`).dataPoints[0]?.attributes).toEqual({});
        expect(findMetric(collected, `string.${kind}`).dataPoints[0]?.attributes).toEqual(common);
      }
      expect(logger.has('warn', /attributes dropped: received null; accepted: an object/)).toBe(
        true,
      );
    });

    it('should drop null and undefined values and empty keys, warning only for the empty key', async () => {
      const recorder = createMetricsRecorder({ meter });
      recorder.recordCounter('sparse', 1, {
        a: 'kept',
        gone: undefined,
        nothing: null as never,
        '': 'no key',
        list: [1, null, undefined, 2] as never,
      });
      const [point] = findMetric(await collector.collect(), 'sparse').dataPoints;
      expect(point?.attributes).toEqual({ a: 'kept', list: [1, null, undefined, 2] });
      expect(Object.keys(point?.attributes ?? {})).toEqual(['a', 'list']);
      expect(logger.texts('warn')).toEqual([
        expect.stringContaining('attribute "" dropped: an attribute key is a non-empty string'),
      ]);
    });

    it('should warn once per key, however often the key is recorded', () => {
      const recorder = createMetricsRecorder({ meter });
      for (let i = 0; i < 5; i++) {
        recorder.recordCounter('repeat', 1, { big: BigInt(i) } as never);
        recorder.recordHistogram('repeat.h', 1, { big: BigInt(i), sym: Symbol(i) } as never);
      }
      expect(logger.texts('warn')).toHaveLength(2);
    });

    it('should drop invalid common attributes once, when the recorder is created', async () => {
      const recorder = createMetricsRecorder({
        meter,
        commonAttributes: { ...common, big: 1n } as never,
      });
      expect(recorder.commonAttributes).toEqual(common);
      expect(logger.texts('warn')).toHaveLength(1);
      recorder.recordCounter('common.only', 1);
      expect(
        findMetric(await collector.collect(), 'common.only').dataPoints[0]?.attributes,
      ).toEqual(common);
      expect(logger.texts('warn')).toHaveLength(1);
    });

    it('should drop invalid attributes of observed gauge values', async () => {
      const recorder = createMetricsRecorder({ meter, commonAttributes: common });
      recorder.observeGauge('observed', (observe) => observe(1, { big: 1n, ok: true } as never));
      const [point] = findMetric(await collector.collect(), 'observed').dataPoints;
      expect(point?.attributes).toEqual({ ...common, ok: true });
    });

    it('should pass valid per-call attributes on as they are, without a copy', () => {
      const recorder = createMetricsRecorder({ meter });
      const counter = meter.createCounter('valid.counter');
      jest.spyOn(meter, 'createCounter').mockReturnValue(counter);
      const add = jest.spyOn(counter, 'add');
      const attributes = { s: 'x', n: Number.NaN, b: false, list: ['a', null, 'b'] };
      recorder.recordCounter('valid.counter', 1, attributes as never);
      expect(add.mock.calls[0]?.[1]).toBe(attributes);
      expect(logger.texts('warn')).toEqual([]);
    });
  });

  describe('exemplars', () => {
    let exemplarSetup: TestExemplarProvider;

    beforeEach(() => {
      enableTestContext();
      exemplarSetup = createTestExemplarProvider();
    });

    afterEach(async () => {
      await exemplarSetup.provider.shutdown();
      context.disable();
    });

    const scope = { name: 'exemplar-test', version: '1.0.0' };
    const taken = (name: string, attributes: Record<string, unknown>) =>
      exemplarSetup.store
        .take()
        .forPoint(scope, name, attributes as never)
        ?.map((e) => ({ value: e.value, traceId: e.traceId }));

    it('should keep exemplars of recordings made inside a sampled span, under the merged attributes', () => {
      const recorder = createMetricsRecorder({
        meter: exemplarSetup.meter,
        commonAttributes: common,
      });
      withSpanContext(SAMPLED, () => recorder.recordCounter('c', 2, { p: '1' }));
      expect(taken('c', { ...common, p: '1' })).toEqual([{ value: 2, traceId: SAMPLED.traceId }]);
      withSpanContext(SAMPLED, () => recorder.recordHistogram('h', 0.5));
      expect(taken('h', common)).toEqual([{ value: 0.5, traceId: SAMPLED.traceId }]);
      withSpanContext(SAMPLED, () => recorder.recordGauge('g', 4));
      expect(taken('g', common)).toEqual([{ value: 4, traceId: SAMPLED.traceId }]);
    });

    it('should keep none outside a span or inside an unsampled one', () => {
      const recorder = createMetricsRecorder({ meter: exemplarSetup.meter });
      recorder.recordCounter('c', 1);
      withSpanContext(UNSAMPLED, () => recorder.recordCounter('c', 1));
      expect(exemplarSetup.store.take().empty).toBe(true);
    });

    it('should record as before on meters of a provider without exemplars', async () => {
      const recorder = createMetricsRecorder({ meter, commonAttributes: common });
      withSpanContext(SAMPLED, () => recorder.recordCounter('c', 1));
      expect(findMetric(await collector.collect(), 'c').dataPoints[0]?.value).toBe(1);
    });
  });
});
