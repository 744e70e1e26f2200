import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { createExemplarMeter } from '../../../src/internal/exemplars/exemplar-meter.js';
import { createExemplarStore } from '../../../src/internal/exemplars/exemplar-store.js';
import { createMeasurementExemplars } from '../../../src/internal/exemplars/measurement-exemplars.js';
import { createMeasurementTap } from '../../../src/internal/exemplars/measurement-tap.js';

describe('createExemplarMeter', () => {
  it("should have every method of the SDK's meter (the gate when an SDK upgrade adds one)", async () => {
    const provider = new MeterProvider();
    const sdkMeter = provider.getMeter('m');
    const exemplars = createMeasurementExemplars(
      'always_on',
      createExemplarStore(),
      createMeasurementTap(),
    );
    const meter = createExemplarMeter(sdkMeter, 'm', exemplars);
    const methods = (object: object) =>
      Object.getOwnPropertyNames(object).filter(
        (name) =>
          name !== 'constructor' && typeof (object as Record<string, unknown>)[name] === 'function',
      );
    expect(methods(meter).sort()).toEqual(methods(Object.getPrototypeOf(sdkMeter)).sort());
    await provider.shutdown();
  });
});
