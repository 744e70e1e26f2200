import { context } from '@opentelemetry/api';
import { ProtobufMetricsSerializer } from '@opentelemetry/otlp-transformer';
import type { ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { addProtobufExemplars } from '../../../src/internal/exemplars/add-protobuf-exemplars.js';
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

describe('addProtobufExemplars', () => {
  beforeEach(() => enableTestContext());
  afterEach(() => context.disable());

  it('should return the request as it is when there are no exemplars', async () => {
    const [resourceMetrics] = await collection(['a']);
    const request = ProtobufMetricsSerializer.serializeRequest(resourceMetrics) ?? new Uint8Array();
    expect(addProtobufExemplars(request, resourceMetrics, new Map())).toBe(request);
  });

  it('should only append to the points: the request grows by the exemplars and keeps its prefix', async () => {
    const [resourceMetrics, exemplars] = await collection(['a']);
    const request = ProtobufMetricsSerializer.serializeRequest(resourceMetrics) ?? new Uint8Array();
    const edited = addProtobufExemplars(request, resourceMetrics, exemplars);
    expect(edited.length).toBeGreaterThan(request.length);
    expect(edited[0]).toBe(request[0]);
  });

  it('should throw when the request does not hold the collection point for point', async () => {
    const [resourceMetrics, exemplars] = await collection(['a', 'b']);
    const [other] = await collection(['a']);
    const [renamed] = await collection(['x', 'y']);
    for (const wrong of [other, renamed]) {
      const request = ProtobufMetricsSerializer.serializeRequest(wrong) ?? new Uint8Array();
      expect(() => addProtobufExemplars(request, resourceMetrics, exemplars)).toThrow(
        'does not hold the collection point for point',
      );
    }
  });
});
