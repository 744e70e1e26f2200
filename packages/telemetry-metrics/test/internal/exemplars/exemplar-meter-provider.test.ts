import { createNoopMeter } from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { createExemplarMeterProvider } from '../../../src/internal/exemplars/exemplar-meter-provider.js';
import { meterExemplarsFor } from '../../../src/internal/exemplars/exemplar-registry.js';
import { createExemplarStore } from '../../../src/internal/exemplars/exemplar-store.js';

describe('createExemplarMeterProvider', () => {
  it('should be an SDK MeterProvider', async () => {
    const provider = createExemplarMeterProvider({}, createExemplarStore('trace_based'));
    expect(provider).toBeInstanceOf(MeterProvider);
    await provider.shutdown();
  });

  describe('getMeter', () => {
    it('should register every meter with the reservoirs of its scope', async () => {
      const store = createExemplarStore('trace_based');
      const provider = createExemplarMeterProvider({}, store);
      const meter = provider.getMeter('m', '1.0.0', { schemaUrl: 'https://example.com/s' });
      expect(meterExemplarsFor(meter)).toBe(
        store.forScope({ name: 'm', version: '1.0.0', schemaUrl: 'https://example.com/s' }),
      );
      expect(provider.getMeter('m', '1.0.0', { schemaUrl: 'https://example.com/s' })).toBe(meter);
      expect(meterExemplarsFor(provider.getMeter('other'))).not.toBe(meterExemplarsFor(meter));
      await provider.shutdown();
    });

    it('should not register the no-op meter it returns after shutdown', async () => {
      const provider = createExemplarMeterProvider({}, createExemplarStore('trace_based'));
      await provider.shutdown();
      expect(meterExemplarsFor(provider.getMeter('late'))).toBeUndefined();
    });
  });
});

describe('meterExemplarsFor', () => {
  it('should return undefined for meters of other providers', async () => {
    const provider = new MeterProvider();
    expect(meterExemplarsFor(provider.getMeter('m'))).toBeUndefined();
    expect(meterExemplarsFor(createNoopMeter())).toBeUndefined();
    await provider.shutdown();
  });
});
