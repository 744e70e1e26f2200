import { ParentBasedSampler, type Sampler } from '@opentelemetry/sdk-trace-base';
import type { SamplerConfig } from '@proc/telemetry-config';
import {
  type AdjustableRatioSampler,
  createAdjustableRatioSampler,
} from './adjustable-ratio-sampler.js';

/** The provider's sampler and the adjustable root inside it. */
export interface ConfiguredSampler {
  sampler: Sampler;
  root: AdjustableRatioSampler;
}

/**
 * Builds the sampler named by `config.type`. The root decision is always an adjustable ratio
 * sampler so `setSamplingRatio()` works whatever the configured type; the `parentbased_*` forms
 * wrap it in the SDK's `ParentBasedSampler` (children follow their parent's sampled flag, local
 * or remote).
 */
export function createSampler(config: SamplerConfig): ConfiguredSampler {
  const kind = config.type.replace(/^parentbased_/, '');
  const root = createAdjustableRatioSampler(
    kind === 'always_on' ? 'always_on' : kind === 'always_off' ? 'always_off' : config.ratio,
  );
  const sampler = config.type.startsWith('parentbased_') ? new ParentBasedSampler({ root }) : root;
  return { sampler, root };
}
