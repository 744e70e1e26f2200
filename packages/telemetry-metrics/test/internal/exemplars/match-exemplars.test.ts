import { context } from '@opentelemetry/api';
import { createAllowListAttributesProcessor, type ViewOptions } from '@opentelemetry/sdk-metrics';
import { createMetricsRecorder } from '../../../src/index.js';
import { matchExemplars } from '../../../src/internal/exemplars/match-exemplars.js';
import {
  createTestExemplarProvider,
  type TestExemplarProvider,
} from '../../helpers/test-exemplar-provider.js';
import { enableTestContext, SAMPLED, withSpanContext } from '../../helpers/test-span-context.js';

describe('matchExemplars', () => {
  let setup: TestExemplarProvider | undefined;

  beforeEach(() => enableTestContext());
  afterEach(async () => {
    await setup?.provider.shutdown();
    setup = undefined;
    context.disable();
  });

  async function matched(record: (s: TestExemplarProvider) => void, views: ViewOptions[] = []) {
    setup = createTestExemplarProvider({ views });
    const s = setup;
    withSpanContext(SAMPLED, () => record(s));
    const resourceMetrics = await s.collect();
    const byPoint = matchExemplars(resourceMetrics, s.store.take());
    const points = resourceMetrics.scopeMetrics.flatMap((sm) =>
      sm.metrics.flatMap((m) => m.dataPoints.map((p) => ({ name: m.descriptor.name, point: p }))),
    );
    return points.map(({ name, point }) => ({
      name,
      attributes: point.attributes,
      exemplars: byPoint.get(point) ?? [],
    }));
  }

  it('should attach each exemplar to the point of its metric and attribute set', async () => {
    const result = await matched(({ meter }) => {
      const recorder = createMetricsRecorder({ meter, commonAttributes: { svc: 'a' } });
      recorder.recordCounter('c', 1, { p: '1' });
      recorder.recordCounter('c', 2, { p: '2' });
      recorder.recordHistogram('h', 0.5);
    });
    expect(result).toEqual([
      {
        name: 'c',
        attributes: { svc: 'a', p: '1' },
        exemplars: [expect.objectContaining({ value: 1, filteredAttributes: {} })],
      },
      {
        name: 'c',
        attributes: { svc: 'a', p: '2' },
        exemplars: [expect.objectContaining({ value: 2, filteredAttributes: {} })],
      },
      {
        name: 'h',
        attributes: { svc: 'a' },
        exemplars: [
          expect.objectContaining({
            value: 0.5,
            traceId: SAMPLED.traceId,
            spanId: SAMPLED.spanId,
          }),
        ],
      },
    ]);
  });

  it('should attach to the point an allow-list view kept, the dropped attributes filtered', async () => {
    const result = await matched(
      ({ meter }) => {
        createMetricsRecorder({ meter }).recordCounter('c', 1, { kept: 'k', dropped: 'd' });
      },
      [
        {
          instrumentName: 'c',
          attributesProcessors: [createAllowListAttributesProcessor(['kept'])],
        },
      ],
    );
    expect(result).toEqual([
      {
        name: 'c',
        attributes: { kept: 'k' },
        exemplars: [expect.objectContaining({ value: 1, filteredAttributes: { dropped: 'd' } })],
      },
    ]);
  });

  it('should give the overflow series no exemplar', async () => {
    const result = await matched(
      ({ meter }) => {
        const recorder = createMetricsRecorder({ meter });
        for (const p of ['1', '2', '3']) recorder.recordCounter('c', 1, { p });
      },
      [{ instrumentName: 'c', aggregationCardinalityLimit: 2 }],
    );
    const overflow = result.find((r) => r.attributes['otel.metric.overflow'] === true);
    expect(overflow?.exemplars).toEqual([]);
    expect(result.filter((r) => r.exemplars.length > 0)).toHaveLength(result.length - 1);
  });

  it('should give no point an exemplar of an instrument a view renamed', async () => {
    const result = await matched(
      ({ meter }) => createMetricsRecorder({ meter }).recordCounter('c', 1),
      [{ instrumentName: 'c', name: 'renamed' }],
    );
    expect(result).toEqual([{ name: 'renamed', attributes: {}, exemplars: [] }]);
  });

  it('should give exemplars taken for another scope no point', async () => {
    setup = createTestExemplarProvider();
    const s = setup;
    withSpanContext(SAMPLED, () => createMetricsRecorder({ meter: s.meter }).recordCounter('c', 1));
    const resourceMetrics = await s.collect();
    const otherScope = new Map([
      ['["other","",""]', s.store.take().values().next().value ?? new Map()],
    ]);
    expect(matchExemplars(resourceMetrics, otherScope).size).toBe(0);
  });
});
