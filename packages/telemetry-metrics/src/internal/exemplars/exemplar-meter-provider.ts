import type { Meter, MeterOptions } from '@opentelemetry/api';
import { MeterProvider, type MeterProviderOptions } from '@opentelemetry/sdk-metrics';
import { registerMeterExemplars } from './exemplar-registry.js';
import type { ExemplarStore } from './exemplar-store.js';

/**
 * A MeterProvider whose meters are registered with the provider's exemplar store, so a
 * MetricsRecorder on any of them (got from this provider directly, from the handle or through the
 * global API) offers its counter and histogram measurements as exemplars. Everything else is
 * the SDK's provider: a subclass only because the SDK has no hook at meter creation.
 */
class ExemplarMeterProvider extends MeterProvider {
  private stopped = false;

  constructor(
    options: MeterProviderOptions,
    private readonly store: ExemplarStore,
  ) {
    super(options);
  }

  override getMeter(name: string, version = '', options: MeterOptions = {}): Meter {
    const meter = super.getMeter(name, version, options);
    // After shutdown the SDK returns a fresh no-op meter: nothing to register.
    if (!this.stopped) {
      registerMeterExemplars(
        meter,
        this.store.forScope({ name, version, schemaUrl: options.schemaUrl }),
      );
    }
    return meter;
  }

  override shutdown(...args: Parameters<MeterProvider['shutdown']>): Promise<void> {
    this.stopped = true;
    return super.shutdown(...args);
  }
}

/** A MeterProvider that registers its meters with `store` (see `meterExemplarsFor()`). */
export function createExemplarMeterProvider(
  options: MeterProviderOptions,
  store: ExemplarStore,
): MeterProvider {
  return new ExemplarMeterProvider(options, store);
}
