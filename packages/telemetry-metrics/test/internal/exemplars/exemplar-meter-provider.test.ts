import { context, ValueType } from '@opentelemetry/api';
import { AggregationType, createAllowListAttributesProcessor } from '@opentelemetry/sdk-metrics';
import { createExemplarMeterProvider } from '../../../src/internal/exemplars/exemplar-meter-provider.js';
import { createExemplarStore } from '../../../src/internal/exemplars/exemplar-store.js';
import { exemplarsByPoint } from '../../../src/internal/exemplars/point-exemplars.js';
import {
  createTestExemplarProvider,
  type TestExemplarProvider,
} from '../../helpers/test-exemplar-provider.js';
import { enableTestContext, SAMPLED, withSpanContext } from '../../helpers/test-span-context.js';

/** `metric name → [point attributes, exemplar values and filtered attributes]` of one collection. */
async function collectedExemplars(setup: TestExemplarProvider) {
  const resourceMetrics = await setup.collect();
  const byPoint = exemplarsByPoint(resourceMetrics, setup.store.take());
  const found: Record<string, unknown[]> = {};
  for (const metric of resourceMetrics.scopeMetrics.flatMap((s) => s.metrics)) {
    for (const point of metric.dataPoints) {
      const exemplars = byPoint.get(point);
      if (exemplars === undefined) continue;
      found[metric.descriptor.name] = [
        ...(found[metric.descriptor.name] ?? []),
        {
          attributes: point.attributes,
          exemplars: exemplars.map((e) => ({ value: e.value, filtered: e.filteredAttributes })),
        },
      ];
    }
  }
  return found;
}

describe('createExemplarMeterProvider', () => {
  let setup: TestExemplarProvider | undefined;

  beforeEach(() => enableTestContext());

  afterEach(async () => {
    await setup?.provider.shutdown();
    setup = undefined;
    context.disable();
  });

  describe('getMeter', () => {
    it('should return the same meter for the same scope and another for another scope', async () => {
      const provider = createExemplarMeterProvider({}, 'trace_based', createExemplarStore());
      const meter = provider.getMeter('m', '1.0.0', { schemaUrl: 'https://example.com/s' });
      expect(provider.getMeter('m', '1.0.0', { schemaUrl: 'https://example.com/s' })).toBe(meter);
      expect(provider.getMeter('m', '2.0.0')).not.toBe(meter);
      await provider.shutdown();
    });

    it('should keep no exemplar for the no-op meter it returns after shutdown', async () => {
      const store = createExemplarStore();
      const provider = createExemplarMeterProvider({}, 'always_on', store);
      await provider.shutdown();
      provider.getMeter('late').createCounter('c').add(1);
      expect(store.take().empty).toBe(true);
    });
  });

  describe('meters', () => {
    it('should keep exemplars of every synchronous instrument made through the Meter API, under the point they went into', async () => {
      setup = createTestExemplarProvider();
      const { meter } = setup;
      const counter = meter.createCounter('c');
      const upDown = meter.createUpDownCounter('u');
      const histogram = meter.createHistogram('h');
      const gauge = meter.createGauge('g');
      withSpanContext(SAMPLED, () => {
        counter.add(2, { p: '1' });
        upDown.add(-3);
        histogram.record(0.5);
        gauge.record(7, { p: '2' });
      });
      counter.add(1, { p: 'outside' });
      const empty = {};
      expect(await collectedExemplars(setup)).toEqual({
        c: [{ attributes: { p: '1' }, exemplars: [{ value: 2, filtered: empty }] }],
        u: [{ attributes: empty, exemplars: [{ value: -3, filtered: empty }] }],
        h: [{ attributes: empty, exemplars: [{ value: 0.5, filtered: empty }] }],
        g: [{ attributes: { p: '2' }, exemplars: [{ value: 7, filtered: empty }] }],
      });
    });

    it('should take the span from the context passed to add() or record(), not the active one', async () => {
      setup = createTestExemplarProvider();
      const sampled = withSpanContext(SAMPLED, () => context.active());
      setup.meter.createCounter('c').add(1, {}, sampled);
      setup.meter.createHistogram('h').record(1, {}, sampled);
      expect(Object.keys(await collectedExemplars(setup)).sort()).toEqual(['c', 'h']);
    });

    it('should keep the value the SDK aggregates: none for a dropped value, the integer part for an INT instrument', async () => {
      setup = createTestExemplarProvider({ filter: 'always_on' });
      const ints = setup.meter.createCounter('ints', { valueType: ValueType.INT });
      const counter = setup.meter.createCounter('c');
      const histogram = setup.meter.createHistogram('h');
      ints.add(2.7);
      ints.add(Number.POSITIVE_INFINITY, { dropped: true });
      counter.add(-1);
      histogram.record(-0.5);
      counter.add('3' as unknown as number);
      const found = await collectedExemplars(setup);
      expect(found).toEqual({
        ints: [{ attributes: {}, exemplars: [{ value: 2, filtered: {} }] }],
      });
    });

    it('should leave observable instruments and batch callbacks to the SDK', async () => {
      setup = createTestExemplarProvider({ filter: 'always_on' });
      const observable = setup.meter.createObservableGauge('og');
      setup.meter.addBatchObservableCallback(
        (result) => result.observe(observable, 4),
        [observable],
      );
      const resourceMetrics = await setup.collect();
      const metric = resourceMetrics.scopeMetrics[0]?.metrics.find(
        (m) => m.descriptor.name === 'og',
      );
      expect(metric?.dataPoints[0]?.value).toBe(4);
      expect(setup.store.take().empty).toBe(true);
    });
  });

  describe('views', () => {
    it("should key an exemplar by the attributes a view's allow-list left, with the removed ones as filtered attributes", async () => {
      setup = createTestExemplarProvider({
        views: [
          {
            instrumentName: 'c',
            attributesProcessors: [createAllowListAttributesProcessor(['kept'])],
          },
        ],
      });
      const counter = setup.meter.createCounter('c');
      withSpanContext(SAMPLED, () => {
        counter.add(1, { kept: 'a', removed: 'x' });
        counter.add(2, { kept: 'b', removed: 'y' });
      });
      expect(await collectedExemplars(setup)).toEqual({
        c: [
          { attributes: { kept: 'a' }, exemplars: [{ value: 1, filtered: { removed: 'x' } }] },
          { attributes: { kept: 'b' }, exemplars: [{ value: 2, filtered: { removed: 'y' } }] },
        ],
      });
    });

    it('should keep exemplars of every stream of an instrument that two views select, under their names, and none for a dropped one', async () => {
      setup = createTestExemplarProvider({
        views: [
          { instrumentName: 'c', name: 'c.renamed' },
          {
            instrumentName: 'c*',
            attributesProcessors: [createAllowListAttributesProcessor([])],
          },
          { instrumentName: 'dropped', aggregation: { type: AggregationType.DROP } },
        ],
      });
      withSpanContext(SAMPLED, () => {
        setup?.meter.createCounter('c').add(1, { a: '1' });
        setup?.meter.createCounter('dropped').add(1);
      });
      expect(await collectedExemplars(setup)).toEqual({
        'c.renamed': [{ attributes: { a: '1' }, exemplars: [{ value: 1, filtered: {} }] }],
        c: [{ attributes: {}, exemplars: [{ value: 1, filtered: { a: '1' } }] }],
      });
    });
  });
});
