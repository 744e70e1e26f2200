import { context } from '@opentelemetry/api';
import { JsonMetricsSerializer } from '@opentelemetry/otlp-transformer';
import type { ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { addJsonExemplars } from '../../../src/internal/exemplars/add-json-exemplars.js';
import {
  type ExemplarsByPoint,
  exemplarsByPoint,
} from '../../../src/internal/exemplars/point-exemplars.js';
import { createTestExemplarProvider } from '../../helpers/test-exemplar-provider.js';
import { enableTestContext, SAMPLED, withSpanContext } from '../../helpers/test-span-context.js';

async function collection(names: string[]): Promise<[ResourceMetrics, ExemplarsByPoint]> {
  const setup = createTestExemplarProvider();
  withSpanContext(SAMPLED, () => {
    for (const name of names) setup.meter.createCounter(name).add(1);
  });
  const resourceMetrics = await setup.collect();
  const exemplars = exemplarsByPoint(resourceMetrics, setup.store.take());
  await setup.provider.shutdown();
  return [resourceMetrics, exemplars];
}

describe('addJsonExemplars', () => {
  beforeEach(() => enableTestContext());
  afterEach(() => context.disable());

  it('should return the request as it is when there are no exemplars', async () => {
    const [resourceMetrics] = await collection(['a']);
    const request = JsonMetricsSerializer.serializeRequest(resourceMetrics) ?? new Uint8Array();
    expect(addJsonExemplars(request, resourceMetrics, new Map())).toBe(request);
  });

  it('should change nothing but the exemplars of the points', async () => {
    const [resourceMetrics, exemplars] = await collection(['a']);
    const request = JsonMetricsSerializer.serializeRequest(resourceMetrics) ?? new Uint8Array();
    const edited = JSON.parse(
      new TextDecoder().decode(addJsonExemplars(request, resourceMetrics, exemplars)),
    );
    const point = edited.resourceMetrics[0].scopeMetrics[0].metrics[0].sum.dataPoints[0];
    expect(point.exemplars).toHaveLength(1);
    delete point.exemplars;
    expect(edited).toEqual(JSON.parse(new TextDecoder().decode(request)));
  });

  it('should throw when the request does not hold the collection point for point', async () => {
    const [resourceMetrics, exemplars] = await collection(['a', 'b']);
    const [other] = await collection(['a']);
    const [renamed] = await collection(['x', 'y']);
    for (const wrong of [other, renamed]) {
      const request = JsonMetricsSerializer.serializeRequest(wrong) ?? new Uint8Array();
      expect(() => addJsonExemplars(request, resourceMetrics, exemplars)).toThrow(
        'does not hold the collection point for point',
      );
    }
  });
});
